namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>The capacity arithmetic of docs/capacity.md: reserve, usable capacity, and what is left for VMs.</summary>
public static class CapacityCalculator
{
    /// <summary>Reserve drives are one per node, up to this many.</summary>
    public const int MaxReserveDrives = 4;

    /// <summary>
    /// Share of usable capacity taken by the OS and system files: the module's example keeps "~1.8 TB for VMs"
    /// of 2 TB usable, i.e. 10%. An assumption the module does not explain; configurable.
    /// </summary>
    public const double DefaultSystemOverhead = 0.10;

    /// <summary>The repair reserve: one capacity drive per node, up to four drives.</summary>
    public static double ReserveBytes(int nodes, double capacityDriveBytes) =>
        Math.Min(Math.Max(nodes, 0), MaxReserveDrives) * capacityDriveBytes;

    /// <summary>Usable capacity of <paramref name="layout"/> if all of it held <paramref name="resiliency"/> volumes.</summary>
    /// <param name="layout">Nodes and drives.</param>
    /// <param name="resiliency">Resiliency of the volumes.</param>
    /// <param name="keepReserve">False to leave the reserve out, as the module's worked example does.</param>
    /// <param name="systemOverhead">Share of usable capacity for OS and system.</param>
    public static UsableCapacity Usable(ClusterLayout layout, Resiliency resiliency, bool keepReserve = true, double systemOverhead = DefaultSystemOverhead)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var resolved = ResiliencyTable.TryResolve(resiliency, layout.Nodes, layout.Media, out var reason)
            ?? throw new ArgumentException(reason, nameof(resiliency));
        var raw = layout.RawBytes;
        var reserve = keepReserve ? Math.Min(raw, ReserveBytes(layout.Nodes, layout.CapacityDriveBytes)) : 0;
        var usable = (raw - reserve) * resolved.Efficiency;
        return new UsableCapacity(raw, reserve, resolved.Efficiency, raw * resolved.Efficiency, usable, usable * (1 - systemOverhead), resolved);
    }
}
