using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>
/// Many clusters evaluated at once: threads hammer ingest for 120 clusters (half of them in quorum loss) while the
/// timer ticks, and the result must equal a single-threaded run over the same inputs, with every alert's cluster
/// label equal to its cluster. Before rules held no state, two clusters evaluated together could swap candidates.
/// </summary>
public sealed class ParallelClustersTests
{
    private const int Clusters = 120;
    private const int Rounds = 12;
    private static readonly string[] Nodes = ["node-1", "node-2", "node-3"];

    [Fact]
    public void ParallelIngestAndTicks_GiveTheSameAlertsAsASingleThreadedRun()
    {
        var reference = new AlertingHarness();
        var parallel = new AlertingHarness();
        for (var round = 0; round < Rounds; round++)
        {
            var requests = Enumerable.Range(0, Clusters).SelectMany(c => Nodes.Select(n => Report(c, n, round))).ToList();
            foreach (var request in requests)
            {
                reference.IngestAsIs(request);
            }

            reference.Tick();
            RunConcurrently(parallel, requests);
            parallel.Tick();
            reference.Time.Advance(TimeSpan.FromSeconds(10));
            parallel.Time.Advance(TimeSpan.FromSeconds(10));
        }

        for (var c = 0; c < Clusters; c++)
        {
            var name = ClusterName(c);
            var expected = Describe(reference.Alerts(name));
            var actual = Describe(parallel.Alerts(name));
            Assert.Equal(expected, actual);
            Assert.All(parallel.Alerts(name), a => Assert.Equal(name, a.Labels.Get("cluster")));
            Assert.Equal(c % 2 == 0, parallel.Alerts(name).Any(a => a.Name == "AzLocalQuorumLost" && a.State == AlertState.Firing));
        }

        // Only the quorum losses page: their consequences are muted in every cluster.
        var paged = parallel.Notifier.Sent.Select(n => (n.Labels["cluster"], n.Labels["alertname"])).Distinct().ToList();
        Assert.Equal(Clusters / 2, paged.Count);
        Assert.All(paged, p => Assert.Equal("AzLocalQuorumLost", p.Item2));
    }

    private static void RunConcurrently(AlertingHarness harness, List<ExportMetricsServiceRequest> requests)
    {
        using var stop = new CancellationTokenSource();
        var ticker = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                harness.Timer.Tick(); // timer evaluations race ingest evaluations of the same clusters
            }
        });
        var shuffled = requests.OrderBy(r => r.GetHashCode()).ToList();
        Parallel.ForEach(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 8 }, request => harness.Pipeline.Ingest(request));
        stop.Cancel();
        ticker.Wait();
        harness.Outbox.Drain();
    }

    /// <summary>One node's report: even clusters have lost nodes 2 and 3 and with them quorum.</summary>
    private static ExportMetricsServiceRequest Report(int cluster, string reporter, int round)
    {
        var lost = cluster % 2 == 0;
        var timeMs = 1_795_000_000_000 + (round * 10_000L);
        var otlp = new Otlp(ClusterName(cluster), reporter)
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(lost ? 0 : 1, timeMs))
            .Gauge(Instruments.ClusterVotesConfigured, string.Empty, Otlp.Point(3, timeMs))
            .Gauge(Instruments.ClusterVotesPresent, string.Empty, Otlp.Point(lost ? 1 : 3, timeMs))
            .Gauge(Instruments.NodeCpuUtilization, string.Empty, Otlp.Point(0.3, timeMs));
        foreach (var node in Nodes)
        {
            var state = lost && node != "node-1" ? "down" : "up";
            foreach (var s in MetricCatalog.States.Node)
            {
                otlp.Gauge(Instruments.NodeState, string.Empty, Otlp.Point(s == state ? 1 : 0, timeMs, ("node", node), ("state", s)));
            }
        }

        return otlp.Build();
    }

    private static string ClusterName(int i) => $"cluster-{i:000}";

    private static List<string> Describe(IEnumerable<Alert> alerts) =>
        [.. alerts.Select(a => $"{a.Labels} {a.State} active={a.ActiveAt:O} fired={a.FiredAt:O} muted={a.MutedBy}").Order(StringComparer.Ordinal)];
}
