using System.IO.Pipelines;
using System.Text;
using AzLocalMonitor.Rules.Api;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>
/// The streamed /metrics writes, byte for byte, what the endpoint built in memory before (<see cref="LegacyMetricsText"/>),
/// on a store of several clusters with firing alerts, names that sort differently with and without the closing quote
/// ("a" and "a!b"), a label ordered before "cluster" (such a family interleaves clusters), values to escape,
/// non-finite values and stale series; and every family's samples stay in one group after its TYPE line (the format).
/// </summary>
public sealed class MetricsEndpointTests
{
    private static readonly string[] Nodes = ["node-1", "node-2", "node-3"];

    [Theory]
    [InlineData("cluster-b", "cluster-a", "a", "a!b", "Zed", "cluster-a-2")]
    [InlineData("cluster-b", "we\"ird", "a", "a!b")] // a quote in a name: every family is gathered whole
    public async Task Streamed_IsWhatTheInMemoryEndpointWrote(params string[] clusters)
    {
        var harness = new AlertingHarness(series: new SeriesOptions { StaleAfter = TimeSpan.FromSeconds(60) });
        for (var round = 0; round < 12; round++)
        {
            var timeMs = harness.Time.GetUtcNow().ToUnixTimeMilliseconds();
            for (var c = 0; c < clusters.Length; c++)
            {
                foreach (var node in Nodes)
                {
                    harness.IngestAsIs(Report(clusters[c], c, node, timeMs));
                }
            }

            if (round == 0)
            {
                harness.IngestAsIs(new Otlp("gone-stale", "node-1").Gauge(Instruments.NodeCpuUtilization, string.Empty, Otlp.Point(0.5, timeMs, ("node", "node-1"))).Build());
            }

            harness.Tick();
            harness.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var nowMs = harness.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var staleMs = 60_000L;
        var expected = LegacyMetricsText.Build(harness.Store, harness.Book, nowMs, staleMs);

        using var body = new MemoryStream();
        var pipe = PipeWriter.Create(body);
        await MetricsEndpoint.WriteAsync(pipe, harness.Store, harness.Book, nowMs, staleMs, [], CancellationToken.None);
        await pipe.CompleteAsync();
        var actual = Encoding.UTF8.GetString(body.ToArray());

        // The scenario reaches what it is meant to: alerts, the interleaving family, escapes, stale series left out.
        Assert.Contains("ALERTS{alertname=\"AzLocalQuorumLost\"", expected, StringComparison.Ordinal);
        Assert.Contains("app_requests{app=\"", expected, StringComparison.Ordinal);
        Assert.Contains("\\\"q\\\\\\n", expected, StringComparison.Ordinal);
        Assert.Contains(" NaN\n", expected, StringComparison.Ordinal);
        Assert.DoesNotContain("node_cpu_utilization{cluster=\"gone-stale\"", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
        AssertFamiliesAreContiguous(actual);
    }

    /// <summary>Text format 0.0.4: all lines of a metric family form one group, led by its HELP and TYPE lines.</summary>
    private static void AssertFamiliesAreContiguous(string text)
    {
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var name = line.Split(' ')[2];
                Assert.True(finished.Add(name), $"family {name} appears twice");
                current = name;
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var sample = line[..line.IndexOfAny(['{', ' '])];
            Assert.Equal(current, sample);
        }
    }

    /// <summary>One node's report; every other cluster has lost nodes 2 and 3 and with them quorum.</summary>
    private static ExportMetricsServiceRequest Report(string cluster, int index, string reporter, long timeMs)
    {
        var lost = index % 2 == 0;
        var otlp = new Otlp(cluster, reporter)
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(lost ? 0 : 1, timeMs))
            .Gauge(Instruments.ClusterVotesConfigured, string.Empty, Otlp.Point(3, timeMs))
            .Gauge(Instruments.ClusterVotesPresent, string.Empty, Otlp.Point(lost ? 1 : 3, timeMs))
            .Gauge(Instruments.NodeCpuUtilization, string.Empty, Otlp.Point(index == 1 ? double.NaN : 0.25 + index, timeMs, ("node", reporter)))
            .Gauge(Instruments.NodeMemoryUtilization, string.Empty, Otlp.Point(index == 2 ? double.PositiveInfinity : 1.0 / 3, timeMs, ("node", reporter)))
            // Not in the catalog: its attribute "app" is a label named before "cluster".
            .Gauge("app.requests", string.Empty,
                Otlp.Point(index, timeMs, ("app", $"app-{index % 3}"), ("path", $"C:\\\"q\\\n{reporter}")),
                Otlp.Point(index + 0.5, timeMs, ("app", "app-" + cluster)));
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
}
