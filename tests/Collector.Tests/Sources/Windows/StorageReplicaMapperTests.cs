using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Expectations from the documented MSFT_WvrReplicationGroup values (ReplicationMode 1 Sync / 2 Async;
/// ReplicationStatus 1 ContinuouslyReplicating, 11 ContinuouslyReplicating_OutOfRPO, 15 NotInPartnership;
/// learn.microsoft.com/previous-versions/windows/desktop/wvrcimprov/msft-wvrreplicationgroup) and the fixture's rows
/// (Captures/README.md).
/// </summary>
public class StorageReplicaMapperTests
{
    [Fact]
    public void TheStretchedFixture_ReportsTheSourceGroupsInAPartnership_LagOnlyWhereSynchronousAndInSync()
    {
        var replication = Captures.Replay(Captures.StretchedReplication).Cluster!.Replication;

        // pacs: synchronous, ContinuouslyReplicating: a synchronous write commits on the destination first
        // (Set-SRPartnership -ReplicationMode), so nothing is behind. ehr: asynchronous, OutOfRPO: unknown.
        Assert.Equal(
            [
                new ReplicationReading("pacs", "contoso-n03", ReplicationMode.Synchronous, ReplicationState.InSync, 0),
                new ReplicationReading("ehr", "hospital-b-n01", ReplicationMode.Asynchronous, ReplicationState.WaitingForDestination, null),
            ],
            replication);
    }

    [Fact]
    public void ANodeWithoutStorageReplica_ReportsNoGroups_AndNoFailure()
    {
        var source = Captures.Source(Captures.AllFlashHealthy);

        Assert.Empty(source.Read().Cluster!.Replication);
        Assert.Empty(source.Failures);
    }

    [Theory]
    [InlineData(1, 1, 0.0)] // Sync, ContinuouslyReplicating
    [InlineData(1, 10, null)] // Sync, InitialBlockCopy: how far behind is not given
    [InlineData(1, 7, null)] // Sync, WaitingForDestination
    [InlineData(2, 1, null)] // Async, ContinuouslyReplicating: behind by up to the RPO
    [InlineData(2, 12, null)] // Async, ContinuouslyReplicating_InRPO: LastInSyncTime empty in Microsoft's Get-SRGroup output
    public void Lag_IsZeroOnlyForASynchronousGroupContinuouslyReplicating(int mode, int status, double? expected) =>
        Assert.Equal(expected, StorageReplicaMapper.LagSeconds(StorageReplicaMapper.Mode(mode)!.Value, status));

    [Theory]
    [InlineData(1, "InSync")] // ContinuouslyReplicating
    [InlineData(12, "InSync")] // ContinuouslyReplicating_InRPO
    [InlineData(10, "InitialSync")] // InitialBlockCopy
    [InlineData(7, "WaitingForDestination")] // WaitingForDestination
    [InlineData(5, "Suspended")] // ReplicationSuspended
    [InlineData(4, "Failed")] // Failed
    [InlineData(2, "Unknown")] // WaitingForQuorum
    [InlineData(0, "Unknown")] // not a documented value
    public void ReplicationStatus_MapsToTheCatalogState(int status, string expected) =>
        Assert.Equal(expected, StorageReplicaMapper.State(status).ToString());
}
