using System.Text.Json;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Api;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>
/// GET /api/v1/clusters as the NOC view reads it: counts of alerts that page (unmuted), muted ones apart, and the
/// cluster's members only. The scenario (one node down, its expected consequences inhibited, a silenced disk, an
/// agent reporting its own uptime from host "vm") is counted by hand below.
/// </summary>
public class ClustersEndpointTests
{
    private const double GiB = 1024.0 * 1024 * 1024;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Clusters_CountOnlyUnmutedAlerts_AndListMembersOnly()
    {
        var harness = new AlertingHarness();
        var now = harness.Time.GetUtcNow();
        harness.Silences.Upsert(new Silence("s1", [LabelMatcher.Parse("alertname=\"AzLocalPhysicalDiskFailed\"")], now, now.AddHours(2), "alice", "disk swap", now));

        // NodeDown (for 30s) and StorageDegraded / PhysicalDiskFailed (for 1m) fire within 90 s of these reports.
        for (var step = 0; step < 9; step++)
        {
            foreach (var request in Scenario(step))
            {
                harness.Ingest(request);
            }

            harness.Run(Step);
        }

        // The alerts the counts are about, so the counts below are of real alerts, not of nothing.
        var active = harness.Alerts().Where(a => a.State != AlertState.Inactive)
            .Select(a => (a.Name, a.State, a.MutedStage)).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        (string, AlertState, MuteStage?)[] expected =
            [
                ("AzLocalNodeDown", AlertState.Firing, null),
                ("AzLocalPhysicalDiskFailed", AlertState.Firing, MuteStage.Silence),
                ("AzLocalRebuildInProgress", AlertState.Firing, MuteStage.Inhibition),
                ("AzLocalStorageDegraded", AlertState.Firing, MuteStage.Inhibition),
            ];
        Assert.Equal(expected, active);
        Assert.Contains(harness.Store.Clusters.Single().Metrics, m => m.StartsWith("azlm_agent_uptime", StringComparison.Ordinal)); // "vm" did report

        var cluster = Assert.Single((await GetClustersAsync(harness)).EnumerateArray());

        // Unmuted: AzLocalNodeDown (n3), critical, firing. Muted: AzLocalStorageDegraded (volume v1) and
        // AzLocalRebuildInProgress (its repair job), inhibited by the NodeDown; AzLocalPhysicalDiskFailed (n2), silenced.
        Assert.Equal("c1", cluster.GetProperty("cluster").GetString());
        Assert.Equal(1, cluster.GetProperty("firingAlerts").GetInt32());
        Assert.Equal(0, cluster.GetProperty("pendingAlerts").GetInt32());
        Assert.Equal(3, cluster.GetProperty("mutedAlerts").GetInt32());
        var bySeverity = cluster.GetProperty("firingBySeverity").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToList();
        Assert.Equal([("critical", 1)], bySeverity);
        var nodes = cluster.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("node").GetString(), n.GetProperty("state").GetString())).ToList();
        Assert.Equal([("n1", "up"), ("n2", "up"), ("n3", "down")], nodes);
    }

    /// <summary>
    /// n1 reports membership (n3 down), quorum, a degraded volume under repair (1 GiB/s: on time, not slow); n2 an
    /// unhealthy disk; "vm" only an agent self-metric.
    /// </summary>
    private static IEnumerable<ExportMetricsServiceRequest> Scenario(int step)
    {
        yield return new Otlp("c1", "n1")
            .Gauge(Instruments.NodeCpuUtilization, 0.3)
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "n1"))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "n2"))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "n3"))
            .Gauge(Instruments.ClusterQuorum, 1)
            .StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "v1"))
            .Gauge(Instruments.StorageRepairSize, 400 * GiB, ("job", "Repair v1"))
            .Gauge(Instruments.StorageRepairProcessed, (100 + (10 * step)) * GiB, ("job", "Repair v1"))
            .Build();
        yield return new Otlp("c1", "n2")
            .Gauge(Instruments.NodeCpuUtilization, 0.3)
            .StateSet(Instruments.StorageDiskCount, MetricCatalog.States.DiskState, "unhealthy", ("media", "ssd"), ("usage", "capacity"))
            .Build();
        yield return new Otlp("c1", "vm").Gauge("azlm.agent.uptime", 1234).Build();
    }

    private static async Task<JsonElement> GetClustersAsync(AlertingHarness harness)
    {
        var result = ApiEndpoints.Clusters(harness.Store, harness.Book, harness.Time, Options.Create(new SeriesOptions()));
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        using var doc = JsonDocument.Parse(body.ToArray());
        return doc.RootElement.GetProperty("clusters").Clone();
    }
}
