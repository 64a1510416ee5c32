namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Round trip from the subject node to one peer on one network (azlocal.network.latency).</summary>
/// <param name="Network">management, storage, cluster or workload.</param>
internal sealed record PeerLatency(string Network, string Peer, double Seconds);
