using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// azlocal.replication.state from Storage Replica's CIM classes: each group this node's cluster is the source of
/// (IsPrimary), its partner from the partnership (DestinationComputerName) and its documented ReplicationStatus.
/// No documented property gives the lag in seconds (LastInSyncTime is a moment, not a lag, and its behaviour while in
/// sync is not documented), so the lag is left unknown (null) rather than estimated.
/// </summary>
internal static class StorageReplicaMapper
{
    public static List<ReplicationReading> Map(WindowsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var readings = new List<ReplicationReading>();
        foreach (var group in snapshot.ReplicationGroups.Where(g => g.IsPrimary))
        {
            var partner = snapshot.Partnerships.FirstOrDefault(p => string.Equals(p.SourceRGName, group.Name, StringComparison.OrdinalIgnoreCase));
            if (partner is null || Mode(group.ReplicationMode) is not { } mode)
            {
                continue; // not in a partnership: nothing is replicated, nothing to watch
            }

            readings.Add(new ReplicationReading(group.Name, partner.DestinationComputerName, mode, State(group.ReplicationStatus), LagSeconds: null));
        }

        return readings;
    }

    /// <summary>MSFT_WvrReplicationGroup.ReplicationMode: 1 Sync, 2 Async.</summary>
    public static ReplicationMode? Mode(int value) => value switch
    {
        1 => ReplicationMode.Synchronous,
        2 => ReplicationMode.Asynchronous,
        _ => null,
    };

    /// <summary>
    /// MSFT_WvrReplicationGroup.ReplicationStatus as the source sees it. OutOfRPO (11) means the destination is behind
    /// the RPO, our waiting_for_destination; the copy states towards the destination (10, 13, 14) are a (re)sync.
    /// Destination-side and transitional states (2, 3, 6, 8, 9) are unknown from the source's point of view.
    /// </summary>
    public static ReplicationState State(int value) => value switch
    {
        1 or 12 => ReplicationState.InSync,
        10 or 13 or 14 => ReplicationState.InitialSync,
        7 or 11 => ReplicationState.WaitingForDestination,
        5 => ReplicationState.Suspended,
        4 => ReplicationState.Failed,
        _ => ReplicationState.Unknown,
    };
}
