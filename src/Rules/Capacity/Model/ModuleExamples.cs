namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// The source module's worked figures, and what the resiliency table gives for them. The module's own numbers do not
/// always add up; the tool states the table's figure and why.
/// </summary>
public static class ModuleExamples
{
    /// <summary>"3 nodes × 2 TB, three-way mirror → 2 TB usable, ~1.8 TB for VMs" (its capacity planning example).</summary>
    public static ClusterLayout ThreeNodeExample { get; } = new(3, 1, 2 * Units.TB);

    /// <summary>The manufacturing scenario's volumes: three-way 2 TB database, two-way 1 TB analytics, parity 2 TB test/dev.</summary>
    public static IReadOnlyList<VolumeSpec> ManufacturingVolumes { get; } =
    [
        new("database", 2 * Units.TB, Resiliency.ThreeWayMirror),
        new("analytics", 1 * Units.TB, Resiliency.TwoWayMirror),
        new("test-dev", 2 * Units.TB, Resiliency.Parity),
    ];

    /// <summary>The manufacturing scenario's stated total: "~3.3 TB usable".</summary>
    public const double ManufacturingStatedUsableBytes = 3.3 * Units.TB;

    /// <summary>
    /// What the table gives for the manufacturing layout and why the module's "~3.3 TB usable" is not it: 5 TB of
    /// volumes × 66.7% = 3.33 TB applies one efficiency to every volume (and to the data, not the pool), while per
    /// volume the footprints are 6 + 2 + 3 = 11 TB of raw pool (parity on 3 nodes can only be single parity).
    /// </summary>
    public static string ExplainManufacturing(StoragePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parts = string.Join(" + ", plan.Volumes.Select(v =>
            $"{v.Volume.Name} {Units.Tb(v.Volume.SizeBytes)} {v.Resiliency?.Effective} at {v.Resiliency?.Efficiency:P1} = {Units.Tb(v.FootprintBytes)}"));
        return $"The resiliency table gives a footprint of {Units.Tb(plan.FootprintBytes)} of raw pool for {Units.Tb(plan.DataBytes)} of volumes ({parts}). " +
            $"The module's \"~3.3 TB usable\" is {Units.Tb(plan.DataBytes)} × 66.7%: one efficiency applied to every volume, which matches none of them " +
            "(three-way mirror is 33.3%, two-way 50%), and dual parity, the module's \"parity\", needs 4 nodes: on 3 nodes only single parity (66.7%) is possible.";
    }
}
