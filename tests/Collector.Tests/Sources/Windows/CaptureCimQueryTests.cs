using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Capture;
using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>A capture folder answers WQL the way WMI does on the node it came from.</summary>
public class CaptureCimQueryTests
{
    private static readonly CaptureCimQuery Query = new(Captures.PathOf(Captures.AllFlashHealthy));

    [Fact]
    public void AQueryNamingAPropertyTheClassLacks_IsRefused_AsWmiRefusesIt()
    {
        var e = Assert.Throws<CimQueryException>(() => Query.Query(CimNamespaces.Cluster, "SELECT Name, IsCoreGroup FROM MSCluster_ResourceGroup"));

        Assert.Contains("IsCoreGroup", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheSelectedPropertiesComeBack()
    {
        var rows = Query.Query(CimNamespaces.Cluster, "SELECT Name, IsCore FROM MSCluster_ResourceGroup");

        Assert.All(rows, r => Assert.Equal(["Name", "IsCore"], r.Names));
        Assert.Equal(["Cluster Group", "Available Storage"], rows.Where(r => r.Bool("IsCore")).Select(r => r.Text("Name")));
    }

    [Fact]
    public void AClassThatWasNotCaptured_IsAnInvalidClass() =>
        Assert.Throws<CimQueryException>(() => Query.Query(CimNamespaces.Cluster, "SELECT Name FROM MSCluster_Disk"));

    [Fact]
    public void ANodeWhoseClusterStopsAnswering_ReportsNoQuorumChange()
    {
        // A reporting node that first sees its cluster, then cannot query it: no QuorumLost is raised on its word.
        var mapper = new WindowsMapper("contoso-n03", TimeProvider.System);
        var before = mapper.Map(new SnapshotReader(new CaptureCimQuery(Captures.PathOf(Captures.AllFlashHealthy)), "contoso-n03").Read([]));
        var after = mapper.Map(new SnapshotReader(new CaptureCimQuery(Captures.PathOf(Captures.ClusterUnreachable)), "contoso-n03").Read([]));

        Assert.NotNull(before.Cluster);
        Assert.Null(after.Cluster);
        Assert.DoesNotContain(StateChanges.Between(before, after, DateTimeOffset.UnixEpoch), c => c.Kind == StateChangeKind.QuorumLost);
    }
}
