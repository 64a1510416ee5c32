namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>A volume (virtual disk + CSV).</summary>
/// <param name="Resiliency">two_way_mirror, three_way_mirror, dual_parity, single_parity, mirror_accelerated_parity or simple.</param>
internal sealed record VolumeReading(
    string Name,
    string Resiliency,
    long SizeBytes,
    long UsedBytes,
    HealthState Health,
    OperationalState Operational);
