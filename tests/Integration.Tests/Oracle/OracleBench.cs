using System.Diagnostics;
using System.Net.Http.Json;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// Runs oracle rows side by side (one cluster each) through the simulator, the real Rules and a real Alertmanager
/// with the shipped routing, and collects what reached the receivers at a <see cref="WebhookSink"/>.
/// Rules runs the default policy with a shortened <c>for</c> on the alerts the scenarios raise (Rules evaluates in
/// real time) and a 5 s node silence (default 30 s); everything else — severities, inhibition, the 30 s inhibition
/// grace, maintenance windows — is as shipped.
/// </summary>
public static class OracleBench
{
    /// <summary>
    /// The policy overlay: spec <c>for</c> → test <c>for</c>, keeping the orderings that matter (NodeDown before TelemetryLost;
    /// RebuildSlow longer than Series:StaleAfter). An alert with several severities is named with its severity
    /// ("AzLocalHealthFault, severity: critical": the overlay line is a YAML flow mapping).
    /// </summary>
    public static readonly IReadOnlyList<(string Alert, string Spec, string Test)> ShortenedFor =
    [
        ("AzLocalNodeDown", "30s", "3s"),
        ("AzLocalStorageDegraded", "1m", "4s"),
        ("AzLocalPhysicalDiskFailed", "1m", "2s"),
        ("AzLocalQuorumAtRisk", "30s", "2s"),
        ("AzLocalRebuildSlow", "5m", "70s"), // above Series:StaleAfter (60 s), as 5 m is: a job that left the reports is never read as stalled
        ("AzLocalTelemetryLost", "2m", "6s"),
        ("AzLocalCpuHigh", "15m", "3s"),
        ("AzLocalMemoryHigh", "15m", "3s"),
        ("AzLocalVolumeCapacityHigh, severity: warning", "5m", "3s"),
        ("AzLocalVolumeCapacityHigh, severity: critical", "5m", "3s"),
        ("AzLocalReserveCapacityLow", "15m", "3s"),
        ("AzLocalNetworkLatencyHigh", "5m", "3s"),
        ("AzLocalStorageLatencyHigh", "5m", "3s"),
        ("AzLocalCacheHitRatioLow", "30m", "3s"),
        ("AzLocalHealthFault, severity: critical", "1m", "2s"),
        ("AzLocalHealthFault, severity: warning", "5m", "3s"),
        ("AzLocalWitnessFailed", "1m", "2s"),
        ("AzLocalSiteLatencyHigh", "5m", "3s"),
        ("AzLocalReplicationUnhealthy", "30s", "2s"),
        ("AzLocalReplicationLagHigh", "5m", "3s"),
    ];

    /// <summary>Alerting:NodeSilenceAfter for the run (default 30 s): a node (or a whole cluster) silent this long is silent.</summary>
    public static readonly TimeSpan NodeSilence = TimeSpan.FromSeconds(5);

    public static async Task<OracleRun> RunAsync(IReadOnlyList<OracleScenario> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var directory = Directory.CreateTempSubdirectory("azlm-oracle-").FullName;
        var policy = Path.Combine(directory, "fast.yaml");
        await File.WriteAllTextAsync(policy, "alerts:\n" + string.Concat(ShortenedFor.Select(f => $"  - {{ alert: {f.Alert}, for: {f.Test} }}\n")));

        await using var sink = WebhookSink.Start();
        var config = ShippedAlertmanagerConfig.For(sink.BaseAddress);
        var configFile = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(configFile, config.Text);
        await using var alertmanager = await AlertmanagerServer.StartAsync(configFile);
        var history = Path.Combine(directory, "history.csv");
        await File.WriteAllTextAsync(history, string.Concat(rows.Where(r => r.History is not null).Select((r, i) => Csv(r, i))));
        await using var rules = await RulesServer.StartAsync(alertmanager.BaseAddress,
            "--Policy:Files:0", policy, "--Alerting:NodeSilenceAfter", NodeSilence.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--History:BackfillCsv", history);
        using var http = new HttpClient();

        var clock = Stopwatch.StartNew();
        var startedAt = sink.Elapsed;
        var drivers = rows.Select(r => new SimulatorDriver(r, rules.BaseAddress)).ToList();
        try
        {
            var runs = rows.Select((row, i) => PlayAsync(row, drivers[i], rules.BaseAddress, http)).ToList();
            await Task.WhenAll(runs);
            foreach (var driver in drivers)
            {
                await driver.StopAsync();
            }

            var received = sink.Received;
            return new OracleRun([.. rows.Select(r => OracleVerdict.Judge(r, received))], config.Changes, clock.Elapsed, startedAt, received,
                alertmanager.Output + string.Concat(drivers.Select(d => d.Output)));
        }
        finally
        {
            foreach (var driver in drivers)
            {
                await driver.DisposeAsync();
            }
        }
    }

    /// <summary>One row: its window, its run, its telemetry cut, then the observation time.</summary>
    private static async Task PlayAsync(OracleScenario row, SimulatorDriver driver, Uri rules, HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        if (row.Window)
        {
            await OpenWindowAsync(row.Cluster, rules, http);
        }

        driver.Start();
        if (row.CutAt is { } cut)
        {
            await Until(clock, cut);
            await driver.StopAsync();
            if (row.RestoreAt is { } restore)
            {
                await Until(clock, restore);
                driver.Start();
            }
        }

        await Until(clock, row.ObserveFor);
    }

    private static async Task OpenWindowAsync(string cluster, Uri rules, HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rules, "/api/v1/maintenance"))
        {
            Content = JsonContent.Create(new
            {
                name = "oracle-planned-work",
                cluster,
                start = DateTimeOffset.UtcNow.AddMinutes(-1),
                end = DateTimeOffset.UtcNow.AddHours(1),
                reason = "alerting oracle: planned work",
            }),
        };
        request.Headers.Add("X-AzLM-Actor", "oracle-test");
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/maintenance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A row's backfill rows (the header only once).</summary>
    private static string Csv(OracleScenario row, int index)
    {
        var csv = row.History!.Csv(row.Cluster, DateTimeOffset.UtcNow);
        return index == 0 ? csv : csv[(csv.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    private static Task Until(Stopwatch clock, TimeSpan at) => at > clock.Elapsed ? Task.Delay(at - clock.Elapsed) : Task.CompletedTask;
}

/// <summary>The verdicts of one oracle run, the changes made to the shipped Alertmanager config, and the raw notifications.</summary>
public sealed record OracleRun(
    IReadOnlyList<OracleVerdict> Verdicts,
    IReadOnlyList<string> AlertmanagerChanges,
    TimeSpan Elapsed,
    TimeSpan StartedAt,
    IReadOnlyList<WebhookNotification> Received,
    string Diagnostics)
{
    /// <summary>Batches run one after the other, as one run (notifications of each batch keep their own sink clock).</summary>
    public static OracleRun Merge(IReadOnlyList<OracleRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new OracleRun([.. runs.SelectMany(r => r.Verdicts)], runs[0].AlertmanagerChanges, TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
            runs[0].StartedAt, [.. runs.SelectMany(r => r.Received)], string.Concat(runs.Select(r => r.Diagnostics)));
    }
}
