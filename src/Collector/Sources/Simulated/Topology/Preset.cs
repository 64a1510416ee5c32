namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>A named topology: one cluster, or a fleet of clusters run from one process.</summary>
/// <param name="Summary">One line for <c>simulate presets</c>.</param>
/// <param name="Notes">Where the preset comes from in the module and what it changes, for <c>simulate describe</c>.</param>
internal sealed record Preset(string Name, string Summary, IReadOnlyList<ClusterSpec> Clusters, IReadOnlyList<string> Notes)
{
    public bool IsFleet => Clusters.Count > 1;
}
