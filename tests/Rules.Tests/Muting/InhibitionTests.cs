using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Muting;

/// <summary>One incident, one page: the default policy's inhibit rules (docs/reference/alerts.md).</summary>
public class InhibitionTests
{
    private static readonly string[] Nodes = ["node-1", "node-2", "node-3"];

    /// <summary>node-2 down as its peers see it: degraded volume, a repair job, node-2's CPU still high from before.</summary>
    private static Otlp NodeTwoDown(int quorum = 1)
    {
        var otlp = PolicyCases.Healthy().Gauge(Instruments.ClusterQuorum, quorum).Gauge(Instruments.ClusterVotesPresent, quorum == 1 ? 2 : 1);
        foreach (var node in Nodes)
        {
            otlp.StateSet(Instruments.NodeState, MetricCatalog.States.Node, node == "node-2" || (quorum == 0 && node == "node-3") ? "down" : "up", ("node", node));
        }

        return otlp
            .StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"))
            .Gauge(Instruments.StorageRepairSize, 100e9, ("job", "repair-node-2"))
            .Gauge(Instruments.StorageRepairProcessed, 10e9, ("job", "repair-node-2"));
    }

    [Fact]
    public void NodeDown_MutesStorageDegradedAndRebuild_OnlyNodeDownIsSent()
    {
        var harness = new AlertingHarness();

        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(3));

        var firing = harness.Alerts().Where(a => a.State == AlertState.Firing).ToList();
        Assert.Contains(firing, a => a.Name == "AzLocalNodeDown" && a.MutedBy is null);
        Assert.Contains(firing, a => a.Name == "AzLocalStorageDegraded" && a.MutedBy == "AzLocalNodeDown (node-2)");
        Assert.Contains(firing, a => a.Name == "AzLocalRebuildInProgress" && a.MutedBy is not null);
        var pages = harness.Notifier.Sent.Select(n => n.Labels["alertname"]).Distinct().ToList();
        Assert.Contains("AzLocalNodeDown", pages);
        Assert.DoesNotContain("AzLocalStorageDegraded", pages);
        Assert.DoesNotContain("AzLocalRebuildInProgress", pages);
    }

    [Fact]
    public void NodeDown_MutesThatNodesOwnAlerts_NotOtherNodes()
    {
        var harness = new AlertingHarness();

        harness.Feed(() => NodeTwoDown()
            .Gauge(Instruments.StorageDiskCount, "{disk}",
                Otlp.Point(1, 0, ("node", "node-2"), ("media", "ssd"), ("usage", "capacity"), ("state", "unhealthy")),
                Otlp.Point(1, 0, ("node", "node-3"), ("media", "ssd"), ("usage", "capacity"), ("state", "unhealthy")))
            .Build(), TimeSpan.FromMinutes(3));

        var disks = harness.Alerts().Where(a => a.Name == "AzLocalPhysicalDiskFailed").ToDictionary(a => a.Labels.Get("node")!);
        Assert.NotNull(disks["node-2"].MutedBy);
        Assert.Null(disks["node-3"].MutedBy);
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalPhysicalDiskFailed" && n.Labels["node"] == "node-3");
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalPhysicalDiskFailed" && n.Labels["node"] == "node-2");
    }

    [Fact]
    public void QuorumLost_MutesEveryOtherAlertOfTheCluster()
    {
        var harness = new AlertingHarness();

        harness.Feed(() => NodeTwoDown(quorum: 0).Build(), TimeSpan.FromMinutes(3));

        var firing = harness.Alerts().Where(a => a.State == AlertState.Firing).ToList();
        Assert.Contains(firing, a => a.Name == "AzLocalQuorumLost" && a.MutedBy is null);
        Assert.All(firing.Where(a => a.Name != "AzLocalQuorumLost"), a => Assert.Equal("AzLocalQuorumLost", a.MutedBy));
        Assert.Equal(["AzLocalQuorumLost"], harness.Notifier.Sent.Select(n => n.Labels["alertname"]).Distinct());
    }

    [Fact]
    public void WhenTheInhibitingAlertResolves_TheStillFiringAlertIsSentAtOnce()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalStorageDegraded");

        // node-2 is back, but the volume is still degraded and no repair runs to restore it: now it pages.
        var back = PolicyCases.Healthy().StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"));
        foreach (var node in Nodes)
        {
            back.StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", node));
        }

        harness.Ingest(back.Build());
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalStorageDegraded"); // the grace: it may recover with its cause

        harness.Feed(() => back.Build(), new AlertingOptions().InhibitionGrace + TimeSpan.FromSeconds(10));

        var sent = harness.Notifier.Named("AzLocalStorageDegraded").ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, n => Assert.Equal("redundancy", n.Labels["impact"]));
    }

    /// <summary>
    /// node-2 back, the resync of what it missed running: 100 GB at <paramref name="bytesPerSecond"/>, volume degraded
    /// (fewer copies) until the repair is done.
    /// </summary>
    private static Otlp Resyncing(double processed)
    {
        var otlp = PolicyCases.NodeStates(PolicyCases.Healthy());
        return processed >= 100e9
            ? otlp.StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "ok", ("volume", "db"))
            : otlp.StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"))
                .Gauge(Instruments.StorageRepairSize, 100e9, ("job", "repair-node-2"))
                .Gauge(Instruments.StorageRepairProcessed, processed, ("job", "repair-node-2"));
    }

    [Fact]
    public void TheResyncAfterTheNodeReturns_LongerThanTheGrace_DoesNotPageStorageDegraded()
    {
        // The module: a node failure is one critical incident; the rebuild that follows is the warning tier. The
        // resync here takes 3 minutes (6× the grace) and finishes well within the 15-minute RTO.
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        var back = harness.Time.GetUtcNow();
        const double rate = 100e9 / 180; // bytes per second: done 3 minutes after the node returns
        harness.Feed(() => Resyncing((harness.Time.GetUtcNow() - back).TotalSeconds * rate).Build(), TimeSpan.FromMinutes(4));

        Assert.Empty(harness.Notifier.Named("AzLocalStorageDegraded"));
        Assert.Contains(harness.Notifier.Named("AzLocalRebuildInProgress"), n => n.Labels["severity"] == "warning"); // the resync is said, at warning
        Assert.Equal(AlertState.Inactive, harness.Alert("AzLocalStorageDegraded")!.State); // and it recovered, unsent
        Assert.Single(harness.Notifier.Named("AzLocalNodeDown").Select(n => n.StartsAt).Distinct()); // one incident, one page
    }

    [Fact]
    public void WhileTheResyncRuns_StorageDegradedIsHeldAndSaysWhy()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        var back = harness.Time.GetUtcNow();
        const double rate = 100e9 / 600; // 10 minutes: still within the 15-minute RTO
        harness.Feed(() => Resyncing((harness.Time.GetUtcNow() - back).TotalSeconds * rate).Build(), TimeSpan.FromMinutes(2));

        var degraded = harness.Alert("AzLocalStorageDegraded")!;
        Assert.Equal(AlertState.Firing, degraded.State);
        Assert.Equal("AzLocalNodeDown (node-2) (ended; held while AzLocalRebuildInProgress runs)", degraded.MutedBy);
        Assert.Empty(harness.Notifier.Named("AzLocalStorageDegraded"));
    }

    [Fact]
    public void WhenQuorumReturns_VolumesBackOnlineButShortOfACopy_DoNotPageWhileTheyResync()
    {
        // Without quorum the volumes are detached (impact=data_offline, muted by QuorumLost). When quorum returns they come
        // back online still short of a copy: impact=redundancy is a new alert, born as its cause ends, and the resync
        // of the two returning nodes runs for 3 minutes. The demo's quorum-loss act paged it three times before.
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown(quorum: 0).StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "detached", ("volume", "db")).Build(),
            TimeSpan.FromMinutes(2));
        Assert.Equal(["AzLocalQuorumLost"], harness.Notifier.Sent.Select(n => n.Labels["alertname"]).Distinct());
        var back = harness.Time.GetUtcNow();
        const double rate = 100e9 / 180;
        harness.Feed(() => Resyncing((harness.Time.GetUtcNow() - back).TotalSeconds * rate).Build(), TimeSpan.FromMinutes(4));

        Assert.Empty(harness.Notifier.Named("AzLocalStorageDegraded"));
        Assert.Contains(harness.Notifier.Named("AzLocalRebuildInProgress"), n => n.Labels["severity"] == "warning");
    }

    [Fact]
    public void AConsequenceAppearingLongAfterItsCauseEnded_Pages()
    {
        // Only what shows up within the grace of its cause's end belongs to that recovery.
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        harness.Feed(() => PolicyCases.NodeStates(PolicyCases.Healthy()).Build(), TimeSpan.FromMinutes(2));
        harness.Feed(() => PolicyCases.NodeStates(PolicyCases.Healthy())
            .StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db")).Build(), TimeSpan.FromMinutes(2));

        Assert.NotEmpty(harness.Notifier.Named("AzLocalStorageDegraded"));
    }

    [Fact]
    public void AResyncThatStalls_AfterTheNodeReturns_PagesStorageDegraded()
    {
        // The stalled-rebuild oracle row: the volumes stay short of copies with no repair progress; no longer a
        // consequence recovering with its cause.
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        harness.Feed(() => Resyncing(10e9).Build(), TimeSpan.FromMinutes(3));

        var sent = harness.Notifier.Named("AzLocalStorageDegraded").ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, n => Assert.Equal("redundancy", n.Labels["impact"]));
    }

    [Fact]
    public void AConsequenceThatRecoversWithinTheGrace_IsNeverSent()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        Assert.Contains(harness.Alerts(), a => a.Name == "AzLocalStorageDegraded" && a.State == AlertState.Firing && a.MutedBy != null);

        // node-2 is back and, a few seconds later, the volume is healthy again: one incident, one page (NodeDown's).
        var back = PolicyCases.NodeStates(PolicyCases.Healthy()).StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"));
        harness.Feed(() => back.Build(), TimeSpan.FromSeconds(10));
        harness.Feed(() => PolicyCases.NodeStates(PolicyCases.Healthy()).StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "ok", ("volume", "db")).Build(),
            TimeSpan.FromMinutes(3));

        Assert.Empty(harness.Notifier.Named("AzLocalStorageDegraded"));
        Assert.Contains(harness.Alerts(), a => a.Name == "AzLocalStorageDegraded" && a.State == AlertState.Inactive);
    }

    [Fact]
    public void DataGoingOffline_DuringANodeOutage_StillPages()
    {
        var harness = new AlertingHarness();
        var detached = NodeTwoDown().StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "detached", ("volume", "db"));

        harness.Feed(() => detached.Build(), TimeSpan.FromMinutes(2));

        var sent = harness.Notifier.Named("AzLocalStorageDegraded").ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, n => Assert.Equal("data_offline", n.Labels["impact"]));
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeDown");
    }
}
