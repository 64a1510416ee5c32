using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Tests.Sources;

public class StateNamesTests
{
    // The reading enums index the catalog's state lists, so their member names must line up with them.
    private static string Snake<T>(T value)
        where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [Fact]
    public void EveryEnumMember_MapsToTheCatalogStateOfTheSameName()
    {
        Assert.Equal(MetricCatalog.States.Node, Enum.GetValues<NodeState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.Drain, Enum.GetValues<DrainState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.Health, Enum.GetValues<HealthState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.VolumeOperational, Enum.GetValues<OperationalState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.Witness, Enum.GetValues<WitnessState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.DiskState, Enum.GetValues<DiskState>().Select(v => Snake(v)));
        Assert.Equal(MetricCatalog.States.Node, Enum.GetValues<NodeState>().Select(StateNames.Of));
        Assert.Equal(["none", "cloud", "fileshare"], Enum.GetValues<WitnessType>().Select(StateNames.Of));
    }
}
