using System.Diagnostics;
using System.Globalization;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;
using Xunit.Abstractions;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// Panel verification (issue 7): Rules with simulated clusters and a real Prometheus scraping it; every query of
/// every generated dashboard (panel targets and variables) runs through Prometheus' HTTP API and must parse and
/// return data. The coverage table goes to the test output and to <c>artifacts/panel-coverage.txt</c>.
/// </summary>
public sealed class PanelVerificationTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The cluster, node and resource the "selected" pass picks in the dashboards' variables.</summary>
    private const string Cluster = "panels-cluster";
    private const string Node = "node-1";
    private const string Resource = "storage";

    /// <summary>
    /// A hybrid 4-node cluster (NVMe cache + HDD: cache hit ratio) with a cloud witness, where everything happens
    /// at once: node-1 is paused and drained (maintenance, info), node-2 fails and returns (node down, then its
    /// resync: a repair job that runs for minutes at 8 MiB/s), a capacity drive of node-3 fails (retired only after
    /// an hour: disk failed, storage degraded) and the witness fails.
    /// </summary>
    private const string MainScenario = $$"""
        preset: four-node
        cluster: {{Cluster}}
        seed: 5
        rebuild-rate: 8MiB/s
        retire-after: 1h
        events:
          - at: 5s
            node-pause: node-1
          - at: 5s
            node-down: node-2
          - at: 60s
            node-up: node-2
          - at: 5s
            drive-fail: {node: node-3, drive: 2}
          - at: 5s
            witness: failed
        """;

    /// <summary>
    /// A second cluster that loses quorum and stays without it (the fleet's "clusters without quorum"), and carries more
    /// VM memory than two of its three nodes hold (60 × 16 GiB on 3 × 384 GiB, as scenarios/busy-cluster.yaml): the
    /// fleet's "clusters not surviving N+1", which N+1 judges on the cluster's members, not on who is up right now.
    /// </summary>
    private const string QuorumLostScenario = """
        cluster: panels-quorum-lost
        nodes: 3
        witness: none
        seed: 6
        vms: {count: 60, memory: 16GiB, vcpus: 8, cpu-load: 40%}
        events:
          - at: 2s
            node-down: node-2
          - at: 4s
            node-down: node-3
        """;

    /// <summary>
    /// The bank's stretched cluster, healthy (issue 15): two sites 2 ms apart, a reachable cloud witness and two
    /// synchronously replicated groups — the only cluster here with inter-site latency, replication and a witness
    /// round trip (the main cluster's witness fails, and an unreachable witness has no round trip).
    /// </summary>
    private const string StretchedScenario = """
        preset: bank
        cluster: panels-stretched
        seed: 7
        """;

    /// <summary>
    /// Panels that are honestly empty for the selected (main) cluster, checked with every cluster selected instead:
    /// it is not stretched and replicates nothing, and its witness failed (no round trip while unreachable). Their
    /// policy lines still return data for it.
    /// </summary>
    private static readonly HashSet<(string Dashboard, string Panel)> EmptyForSelectedCluster =
    [
        ("cluster-overview", "Witness round trip"),
        ("cluster-overview", "Inter-site round trip"),
        ("cluster-overview", "Replication lag"),
        ("cluster-overview", "Replication state"),
    ];

    /// <summary>
    /// Alerts fire within seconds, and AzLocalCacheHitRatioLow's threshold is raised above the simulated ratio (~0.9)
    /// on the main cluster while keeping its 30-minute 'for': it stays pending for the whole test.
    /// </summary>
    private const string Policy = $$"""
        alerts:
          - { alert: AzLocalNodeDown, for: 2s }
          - { alert: AzLocalStorageDegraded, for: 2s }
          - { alert: AzLocalPhysicalDiskFailed, for: 1s }
          - { alert: AzLocalQuorumAtRisk, for: 1s }
        clusters:
          {{Cluster}}:
            AzLocalCacheHitRatioLow: { threshold: 0.99 }
        """;

    /// <summary>Scenario seconds per real second: node-2 is away for 5.5 s, its resync then runs for minutes.</summary>
    private const string TimeScale = "10";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-panels-").FullName;

    [Fact]
    public async Task EveryPanelQuery_ParsesAndReturnsData_AgainstSimulatedClusters()
    {
        var queries = DashboardQueries.Load(Path.Combine(Binaries.RepositoryRoot, "dashboards"));
        Assert.True(queries.Count > 50, $"expected the dashboards' queries, found {queries.Count}");

        var policy = Path.Combine(_directory, "policy.yaml");
        var history = Path.Combine(_directory, "history.csv");
        var main = Path.Combine(_directory, "main.yaml");
        var quorumLost = Path.Combine(_directory, "quorum-lost.yaml");
        var stretched = Path.Combine(_directory, "stretched.yaml");
        await File.WriteAllTextAsync(policy, Policy);
        await File.WriteAllTextAsync(main, MainScenario);
        await File.WriteAllTextAsync(quorumLost, QuorumLostScenario);
        await File.WriteAllTextAsync(stretched, StretchedScenario);
        CapacityHistoryCsv.Write(history, Cluster, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10));

        await using var rules = await RulesServer.StartAsync(null, "--Policy:Files:0", policy, "--History:BackfillCsv", history);
        await using var prometheus = await PrometheusServer.StartAsync(rules.Authority);
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        var collectorOutput = new StringWriter();
        var collectors = new[] { main, quorumLost, stretched }
            .Select(scenario => Task.Run(() => CollectorApp.RunAsync(
                ["simulate", "run", scenario, "--rules", rules.BaseAddress.ToString(), "--interval", "1s", "--time-scale", TimeScale],
                TextWriter.Synchronized(collectorOutput), TextWriter.Synchronized(collectorOutput), stop.Token)))
            .ToArray();

        var api = new PrometheusApi(http, prometheus.BaseAddress);
        var selected = new Dictionary<string, string> { ["cluster"] = Cluster, ["node"] = Node, ["resource"] = Resource };
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<PanelCheck> checks;
        do
        {
            // Everything must hold in the same round: one consistent picture, as a dashboard shows it.
            await Task.Delay(TimeSpan.FromSeconds(2));
            checks =
            [
                .. await PanelVerifier.RunAsync(api, queries, "selected", selected),
                .. await PanelVerifier.RunAsync(api, queries, "all", null),
            ];
        }
        while (!checks.All(Passes) && !checks.Any(IsParseError) && stopwatch.Elapsed < Deadline && !collectors.Any(c => c.IsCompleted));

        var report = PanelCoverageReport.Format(checks, string.Create(CultureInfo.InvariantCulture,
            $"Panel verification: {queries.Count} queries of {queries.Select(q => q.Dashboard).Distinct().Count()} dashboards against Prometheus after {stopwatch.Elapsed.TotalSeconds:0} s (selected: cluster={Cluster}, node={Node}, resource={Resource}; all: .*)"));
        output.WriteLine(report);
        var artifacts = Path.Combine(Binaries.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllTextAsync(Path.Combine(artifacts, "panel-coverage.txt"), report);

        await stop.CancelAsync();
        foreach (var collector in collectors)
        {
            Assert.True(await collector.WaitAsync(TimeSpan.FromSeconds(30)) == 0, $"simulate run failed:\n{collectorOutput}");
        }

        // The repair bars name the simulator's repair job (node-2's resync), not Prometheus' scrape job: the label
        // reaches Prometheus as repair_job, so no exported_job rename collapses the jobs (issue 16).
        var repair = queries.First(q => q.Dashboard == "storage-rebuild" && q.Panel == "Repair progress");
        var repairAnswer = await api.InstantAsync(AzLocalMonitor.Dashboard.Factories.Queries.Substitute(repair.Expr));
        var jobs = repairAnswer.Series.Select(s => s.GetValueOrDefault("repair_job")).ToList();
        Assert.Contains("repair-node-2", jobs);
        Assert.Equal("{{cluster}} / {{repair_job}}", repair.Legend);
        var raw = await api.InstantAsync("azlocal_storage_repair_size_bytes");
        Assert.All(raw.Series, s => Assert.False(s.ContainsKey("exported_job"), "a repair series reached Prometheus with label job"));

        var failed = checks.Where(c => !Passes(c)).ToList();
        Assert.True(failed.Count == 0,
            $"{failed.Count} dashboard queries failed:\n{string.Join('\n', failed.Select(c => $"[{c.Pass}] {c.Query.Dashboard} / {c.Query.Panel} ({c.Status}{Why(c)}): {c.Expr}"))}\n\n{report}");
    }

    /// <summary>Removes the policy, scenario and history files (after Rules has stopped).</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }

    private static string Why(PanelCheck check) => (check.Error ?? check.LegendProblem) is string why ? ": " + why : string.Empty;

    /// <summary>A query Prometheus cannot parse (<c>bad_data</c>) will not parse later either: no need to wait.</summary>
    private static bool IsParseError(PanelCheck check) => check.Error?.StartsWith("bad_data", StringComparison.Ordinal) == true;

    /// <summary>
    /// Every query parses and returns data in both passes; with every cluster selected ("All", the dashboards'
    /// default) none does so only through its constant fallback. With one cluster selected a fallback may be the
    /// truth (the selected cluster holds quorum, so "clusters without quorum" is 0), and the panels of
    /// <see cref="EmptyForSelectedCluster"/> may be empty (they return data in the "all" pass, from the stretched cluster).
    /// </summary>
    private static bool Passes(PanelCheck check) =>
        check.Error is null && check.LegendProblem is null
        && (check.Pass == "all" ? check.ReturnsRealData : check.ReturnsData || MayBeEmptyForSelected(check));

    /// <summary>An empty answer of a panel of <see cref="EmptyForSelectedCluster"/> in the selected pass (data queries only, not the policy line).</summary>
    private static bool MayBeEmptyForSelected(PanelCheck check) =>
        check.Pass == "selected" && check.Instant == 0
        && EmptyForSelectedCluster.Contains((check.Query.Dashboard, check.Query.Panel))
        && !check.Query.Expr.Contains("azlocal_policy_threshold", StringComparison.Ordinal);
}
