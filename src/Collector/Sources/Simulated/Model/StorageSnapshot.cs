using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>The pool, volumes, repair jobs and disks at one instant.</summary>
/// <param name="DisksByNode">Disk groups of each node (index = node).</param>
/// <param name="RemainingRepairBytes">Bytes every running or waiting repair job still has to copy.</param>
/// <param name="Repairing">True while a repair job copies data (latency rises).</param>
/// <param name="Degraded">True while some data has fewer copies than its resiliency asks.</param>
/// <param name="UnhealthyDrives">Failed drives not yet retired.</param>
/// <param name="CannotHeal">Retired drives the pool has no room to rebuild.</param>
internal sealed record StorageSnapshot(
    PoolReading Pool,
    IReadOnlyList<VolumeReading> Volumes,
    IReadOnlyList<RepairJob> Jobs,
    IReadOnlyList<DiskGroup>[] DisksByNode,
    long RemainingRepairBytes,
    bool Repairing,
    bool Degraded,
    int UnhealthyDrives,
    int CannotHeal);
