using AzLocalMonitor.Collector.Sources.Readings;

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

    /// <summary>Resiliency attribute from the setting name, copies, redundancy and tiers; null when none fits.</summary>
    public static string? Resiliency(string? setting, int copies, int redundancy, IReadOnlyList<string> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Any(t => t.Equals("Mirror", StringComparison.OrdinalIgnoreCase)) && tiers.Any(t => t.Equals("Parity", StringComparison.OrdinalIgnoreCase)))
        {
            return "mirror_accelerated_parity";
        }

        var name = string.IsNullOrEmpty(setting) && tiers.Count == 1 ? tiers[0] : setting;
        return name?.ToUpperInvariant() switch
        {
            "MIRROR" => copies >= 3 || redundancy >= 2 ? "three_way_mirror" : "two_way_mirror",
            "PARITY" => redundancy >= 2 ? "dual_parity" : "single_parity",
            "SIMPLE" => "simple",
            _ => null,
        };
    }

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

    /// <summary>PerceivedSeverity 6 (Error) and above critical, 5 warning, anything else info.</summary>
    public static string FaultSeverity(int perceived) => perceived switch
    {
        >= 6 => "critical",
        5 => "warning",
        _ => "info",
    };

    /// <summary>A running or about-to-run repair: Repair, Regeneration (resync after a node returns), Rebuild.</summary>
    public static bool IsRepairJob(string name, int jobState) =>
        jobState is 3 or 4 or 12
        && (name.Contains("Repair", StringComparison.OrdinalIgnoreCase) || name.Contains("Regenerat", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Rebuild", StringComparison.OrdinalIgnoreCase));
}
