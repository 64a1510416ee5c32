namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>
/// One replication group (Storage Replica: Get-SRGroup) as its source reports it: the partner it replicates to
/// (a site of a stretched cluster, or another cluster), synchronous or asynchronous, its status and how far the
/// destination is behind (0 while a synchronous group is in sync; null when the source cannot tell, as on Windows).
/// </summary>
internal sealed record ReplicationReading(string Group, string Partner, ReplicationMode Mode, ReplicationState State, double? LagSeconds);

internal enum ReplicationMode
{
    Synchronous,
    Asynchronous,
}

/// <summary>Replication group status, in the order of the catalog's state set.</summary>
internal enum ReplicationState
{
    InSync,
    InitialSync,
    WaitingForDestination,
    Suspended,
    Failed,
    Unknown,
}
