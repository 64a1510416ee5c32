namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>
/// root\Microsoft\Windows\StorageReplica MSFT_WvrReplicationGroup (WVRCimProv.mof,
/// learn.microsoft.com/previous-versions/windows/desktop/wvrcimprov/msft-wvrreplicationgroup).
/// </summary>
internal sealed record ReplicationGroupRecord
{
    public string Name { get; init; } = string.Empty;

    /// <summary>True when this group is the source of replication.</summary>
    public bool IsPrimary { get; init; }

    /// <summary>1 Sync, 2 Async.</summary>
    public int ReplicationMode { get; init; }

    /// <summary>
    /// 1 ContinuouslyReplicating, 2 WaitingForQuorum, 3 RecoveringFromReplicationLog, 4 Failed, 5 ReplicationSuspended,
    /// 6 ConnectingToSource, 7 WaitingForDestination, 8 LogRecordCopyFromSource, 9 BlockCopyFromSource,
    /// 10 InitialBlockCopy, 11 ContinuouslyReplicating_OutOfRPO, 12 ContinuouslyReplicating_InRPO,
    /// 13 LogRecordCopyToDestination, 14 BlockCopyToDestination, 15 NotInPartnership.
    /// </summary>
    public int ReplicationStatus { get; init; }
}
