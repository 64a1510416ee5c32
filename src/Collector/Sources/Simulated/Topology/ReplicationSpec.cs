using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// Replication this cluster is the source of (Storage Replica): to a site of the same stretched cluster (the bank,
/// synchronous, zero RPO) or to another cluster (the hospital, asynchronous, 1-hour RPO).
/// </summary>
/// <param name="Partner">The destination: a site name of this cluster, or another cluster's name.</param>
/// <param name="Groups">Replication groups (one per replicated volume).</param>
/// <param name="LagSeconds">How far the destination is behind while healthy (0 for synchronous).</param>
internal sealed record ReplicationSpec(string Partner, ReplicationMode Mode, IReadOnlyList<string> Groups, double LagSeconds = 0);
