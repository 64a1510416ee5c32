namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>A volume (virtual disk + CSV).</summary>
/// <param name="UsedKnown">False when the volume's file system was not found (no CSV with the disk's name): size is
/// the virtual disk's and used bytes are unknown, so none are exported.</param>
/// <param name="Resiliency">two_way_mirror, three_way_mirror, dual_parity, single_parity, mirror_accelerated_parity or simple.</param>
internal sealed record VolumeReading(
    string Name,
    string Resiliency,
    long SizeBytes,
    long UsedBytes,
    HealthState Health,
    OperationalState Operational,
    bool UsedKnown = true);
