using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting.Conditions;

public class StorageDegradedConditionTests
{
    private static Otlp Volume(string volume, string health, string operational) =>
        new Otlp("c1", "node-1")
            .StateSet(Instruments.StorageVolumeHealth, MetricCatalog.States.Health, health, ("volume", volume))
            .StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, operational, ("volume", volume));

    [Theory]
    [InlineData("warning", "degraded")]
    [InlineData("healthy", "incomplete")]
    [InlineData("unhealthy", "detached")]
    [InlineData("healthy", "no_redundancy")]
    [InlineData("warning", "ok")]
    public void DegradedVolume_FiresAfterOneMinute_OneAlertPerVolume(string health, string operational)
    {
        var harness = new AlertingHarness();
        for (var i = 0; i < 7; i++)
        {
            harness.Ingest(Volume("db", health, operational).Build());
            harness.Ingest(Volume("logs", "healthy", "ok").Build());
            harness.Run(TimeSpan.FromSeconds(10));
        }

        var alert = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalStorageDegraded");
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal("db", alert.Labels.Get("volume"));
        Assert.Equal("critical", alert.Severity);
    }

    [Fact]
    public void HealthyVolumeInService_DoesNotFire()
    {
        var harness = new AlertingHarness();
        for (var i = 0; i < 10; i++)
        {
            harness.Ingest(Volume("db", "healthy", "in_service").Build());
            harness.Run(TimeSpan.FromSeconds(10));
        }

        Assert.DoesNotContain(harness.Alerts(), a => a.Name == "AzLocalStorageDegraded");
    }

    [Fact]
    public void DegradedForLessThanFor_NeverFires()
    {
        var harness = new AlertingHarness();
        harness.Ingest(Volume("db", "warning", "degraded").Build());
        harness.Run(TimeSpan.FromSeconds(50));
        harness.Ingest(Volume("db", "healthy", "ok").Build());
        harness.Run(TimeSpan.FromMinutes(2));

        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalStorageDegraded");
    }

    [Fact]
    public void UnhealthyPool_FiresWithPoolLabel()
    {
        var harness = new AlertingHarness();
        for (var i = 0; i < 7; i++)
        {
            harness.Ingest(new Otlp("c1", "node-1").StateSet(Instruments.StoragePoolHealth, MetricCatalog.States.Health, "unhealthy", ("pool", "S2D on c1")).Build());
            harness.Run(TimeSpan.FromSeconds(10));
        }

        var alert = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalStorageDegraded");
        Assert.Equal("S2D on c1", alert.Labels.Get("pool"));
        Assert.Contains("health unhealthy", alert.Annotations["description"], StringComparison.Ordinal);
    }
}
