namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>Healthy round trips and link speed of the cluster's networks (the module: storage &lt; 0.5 ms, management &lt; 1 ms, cluster &lt; 5 ms).</summary>
internal sealed record NetworkSpec(
    double StorageLatencySeconds = 0.00015,
    double ManagementLatencySeconds = 0.0004,
    double ClusterLatencySeconds = 0.0006,
    double StorageLinkBytesPerSecond = 25e9 / 8);
