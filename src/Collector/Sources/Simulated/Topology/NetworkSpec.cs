namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// Healthy round trips and link speed of the cluster's networks (the module: storage &lt; 0.5 ms, management &lt; 1 ms,
/// cluster &lt; 5 ms; between the sites of a stretched cluster &lt; 5 ms), and to its witness (a cloud witness is an
/// Azure Storage account over the WAN; a file share witness is on the local network).
/// </summary>
internal sealed record NetworkSpec(
    double StorageLatencySeconds = 0.00015,
    double ManagementLatencySeconds = 0.0004,
    double ClusterLatencySeconds = 0.0006,
    double StorageLinkBytesPerSecond = 25e9 / 8,
    double SiteLatencySeconds = 0.002,
    double CloudWitnessLatencySeconds = 0.035,
    double FileShareWitnessLatencySeconds = 0.0008);
