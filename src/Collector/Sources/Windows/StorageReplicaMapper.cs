using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// azlocal.replication.state from Storage Replica's CIM classes: each group this node's cluster is the source of
/// (IsPrimary), its partner from the partnership (DestinationComputerName) and its documented ReplicationStatus.
/// The lag is known in one case only: a synchronous group that is continuously replicating is not behind at all
/// (synchronous mode "requires all writes to commit on the destination server and commit on the source server",
/// Set-SRPartnership -ReplicationMode), so its lag is 0. Otherwise no documented property gives it: LastInSyncTime
/// is a moment, and Microsoft's own Get-SRGroup output shows it empty on a source group that is in its RPO
/// (Set-SRPartnership example 2), so now − LastInSyncTime cannot be computed where the agent reads it; the lag is
/// left unknown (null) rather than estimated.
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

            readings.Add(new ReplicationReading(group.Name, partner.DestinationComputerName, mode, State(group.ReplicationStatus), LagSeconds(mode, group.ReplicationStatus)));
        }

        return readings;
    }

    /// <summary>0 for a synchronous group in ReplicationStatus 1 ContinuouslyReplicating; otherwise unknown (null).</summary>
    public static double? LagSeconds(ReplicationMode mode, int replicationStatus) =>
        mode == ReplicationMode.Synchronous && replicationStatus == 1 ? 0 : null;

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
