namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// The repair rate a cluster's hardware allows when the scenario does not set <c>rebuild-rate</c>: the data a node
/// receives back cannot arrive faster than its storage link, nor be written faster than its capacity drives can
/// write (at the default repair queue depth). Sustained write throughput per drive, typical datasheet figures:
/// NVMe 2 GB/s, SATA/SAS SSD 500 MB/s, HDD 200 MB/s.
/// </summary>
internal static class RepairRate
{
    public static double DriveWriteBytesPerSecond(string media) => media switch
    {
        "nvme" => 2e9,
        "ssd" => 0.5e9,
        _ => 0.2e9,
    };

    /// <summary>min(storage link, capacity drives per node × their write throughput), bytes per second.</summary>
    public static long Of(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var drives = spec.Capacity.Count * DriveWriteBytesPerSecond(spec.Capacity.Media);
        return (long)Math.Min(spec.Networks.StorageLinkBytesPerSecond, drives);
    }
}
