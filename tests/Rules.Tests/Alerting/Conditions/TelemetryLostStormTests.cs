using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting.Conditions;

/// <summary>
/// Absence alerting starts only for clusters that reported for a sustained period: made-up clusters sending one
/// export each cannot raise a TelemetryLost storm, while a real cluster that falls silent still does.
/// </summary>
public class TelemetryLostStormTests
{
    private static Otlp Healthy(string cluster) =>
        new Otlp(cluster, "node-1").Gauge(Instruments.ClusterQuorum, 1).Gauge(Instruments.NodeCpuUtilization, 0.2);

    [Fact]
    public void FiveHundredMadeUpClusters_OneExportEach_RaiseNoTelemetryLost_WhileARealSilentClusterDoes()
    {
        var harness = new AlertingHarness();
        harness.Feed(() => Healthy("real").Build(), TimeSpan.FromMinutes(3)); // the real cluster reports for minutes

        for (var i = 0; i < 500; i++)
        {
            harness.Ingest(Healthy($"made-up-{i}").Build());
        }

        harness.Run(TimeSpan.FromMinutes(5)); // everyone silent, well past silence (30 s) + for (2 min)

        // The book, not the notifications: on a single-node cluster NodeDown mutes TelemetryLost (policy inhibition).
        Assert.Equal(AlertState.Firing, harness.Alert("AzLocalTelemetryLost", "real")?.State);
        Assert.Equal(0, Enumerable.Range(0, 500).Count(i => harness.Alert("AzLocalTelemetryLost", $"made-up-{i}") is not null));
    }

    [Fact]
    public void AClusterThatKeepsReportingAfterItsFirstExport_BecomesEstablished_AndIsMissedWhenSilent()
    {
        var harness = new AlertingHarness();
        harness.Ingest(Healthy("late").Build());
        harness.Run(TimeSpan.FromSeconds(40));
        harness.Ingest(Healthy("late").Build()); // a second report 40 s after the first: established (≥ 30 s)

        harness.Run(TimeSpan.FromMinutes(4));

        Assert.Equal(AlertState.Firing, harness.Alert("AzLocalTelemetryLost", "late")?.State);
    }
}
