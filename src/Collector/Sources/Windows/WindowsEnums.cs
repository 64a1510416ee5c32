using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// CIM enumeration values to catalog states (docs/windows-sources.md). Values a future Windows build may add fall to
/// the catalog's "unknown" where it has one, else to the conservative state (alert rather than hide).
/// </summary>
internal static class WindowsEnums
{
    public const int Detached = 0xD002;
    public const int Incomplete = 0xD003;
    public const int NoRedundancy = 0xD024;

    public static NodeState Node(int state) => state switch
    {
        0 => NodeState.Up,
        1 => NodeState.Down,
        2 => NodeState.Paused,
        3 => NodeState.Joining,
        _ => NodeState.Unknown,
    };

    public static DrainState Drain(int status) => status switch
    {
        1 => DrainState.InProgress,
        2 => DrainState.Completed,
        3 => DrainState.Failed,
        _ => DrainState.None,
    };

    public static HealthState Health(int status) => status switch
    {
        0 => HealthState.Healthy,
        1 => HealthState.Warning,
        2 => HealthState.Unhealthy,
        _ => HealthState.Unknown,
    };

    /// <summary>
    /// The worst of a virtual disk's OperationalStatus values. Codes without a catalog state count as degraded
    /// unless the disk says it is healthy (then ok): an unrecognised state on an unhealthy disk must still page.
    /// </summary>
    public static OperationalState Operational(IReadOnlyList<int> statuses, HealthState health)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var known = statuses.Select(s => s switch
        {
            Detached => OperationalState.Detached,
            Incomplete => OperationalState.Incomplete,
            NoRedundancy => OperationalState.NoRedundancy,
            3 => OperationalState.Degraded,
            11 => OperationalState.InService,
            2 => OperationalState.Ok,
            _ => health == HealthState.Healthy ? OperationalState.Ok : OperationalState.Degraded,
        }).ToList();
        if (known.Count == 0)
        {
            return health == HealthState.Healthy ? OperationalState.Ok : OperationalState.Degraded;
        }

        return known.MaxBy(Severity);
    }

    private static int Severity(OperationalState state) => state switch
    {
        OperationalState.Detached => 6,
        OperationalState.Incomplete => 5,
        OperationalState.NoRedundancy => 4,
        OperationalState.Degraded => 3,
        OperationalState.InService => 2,
        _ => 1,
    };

    /// <summary>
    /// Resiliency attribute from the setting name, copies and redundancy; a tiered disk (blank setting name) takes
    /// them from its tiers: a mirror tier and a parity tier make mirror-accelerated parity. Null when none fits.
    /// </summary>
    public static string? Resiliency(VirtualDiskRecord disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        var tiers = disk.Tiers;
        if (tiers.Any(t => Is(t.ResiliencySettingName, "Mirror")) && tiers.Any(t => Is(t.ResiliencySettingName, "Parity")))
        {
            return "mirror_accelerated_parity";
        }

        if (string.IsNullOrEmpty(disk.ResiliencySettingName) && tiers.Count > 0)
        {
            var tier = tiers[0];
            return Resiliency(tier.ResiliencySettingName, tier.NumberOfDataCopies, tier.PhysicalDiskRedundancy);
        }

        return Resiliency(disk.ResiliencySettingName, disk.NumberOfDataCopies, disk.PhysicalDiskRedundancy);
    }

    private static string? Resiliency(string? setting, int copies, int redundancy) => setting?.ToUpperInvariant() switch
    {
        "MIRROR" => copies >= 3 || redundancy >= 2 ? "three_way_mirror" : "two_way_mirror",
        "PARITY" => redundancy >= 2 ? "dual_parity" : "single_parity",
        "SIMPLE" => "simple",
        _ => null,
    };

    private static bool Is(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Media attribute: NVMe by bus, else SSD/HDD by media type, else unknown (a lost drive reports Unspecified).</summary>
    public static string Media(int mediaType, int busType) => busType == 17 ? "nvme" : mediaType switch
    {
        3 => "hdd",
        4 or 5 => "ssd",
        _ => "unknown",
    };

    public static DiskState Disk(int usage, int health) => usage == 4 ? DiskState.Retired : health switch
    {
        0 => DiskState.Healthy,
        2 => DiskState.Unhealthy,
        _ => DiskState.Warning,
    };

    /// <summary>
    /// MSFT_StorageDiagnoseResult.PerceivedSeverity. The MOF: 2 Information, 3 Degraded/Warning, 4 Minor ("action
    /// needed, not serious"), 5 Major, 6 Critical, 7 Fatal/NonRecoverable. The Health Service page calls 5 "Warning"
    /// (yellow) and 6 "Error" (red), and its Volume.Capacity example at 5 is the 80% warning. So: 2 → info; 3, 4, 5 →
    /// warning; 6, 7 → critical; 0 Unknown and anything else → warning (neither hidden as info nor paging).
    /// </summary>
    public static string FaultSeverity(int perceived) => perceived switch
    {
        2 => "info",
        6 or 7 => "critical",
        _ => "warning",
    };

    /// <summary>
    /// The catalog state of a repair job (Azure Local names them "&lt;Volume&gt;-Repair"; Regeneration and Rebuild
    /// too), or null for other jobs and finished ones: 3 Starting, 4 Running → running; 5 Suspended (waiting for a
    /// node that is down) → suspended; 2 New, 12 Query Pending → queued.
    /// </summary>
    public static string? RepairState(string name, int jobState)
    {
        ArgumentNullException.ThrowIfNull(name);
        var isRepair = name.Contains("Repair", StringComparison.OrdinalIgnoreCase) || name.Contains("Regenerat", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Rebuild", StringComparison.OrdinalIgnoreCase);
        return !isRepair ? null : jobState switch
        {
            3 or 4 => "running",
            5 => "suspended",
            2 or 12 => "queued",
            _ => null,
        };
    }
}
