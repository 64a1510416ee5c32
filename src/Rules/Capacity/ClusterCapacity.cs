using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>Everything capacity knows of a cluster: the model now (when live series exist) and every resource's forecast.</summary>
/// <param name="Cluster">Cluster name.</param>
/// <param name="GeneratedAt">When the forecast was computed.</param>
/// <param name="Snapshot">Live capacity model (null when only history is known, e.g. a report from a backfilled file).</param>
/// <param name="Resources">Forecast per resource.</param>
/// <param name="Notes">Why something could not be forecast.</param>
public sealed record ClusterCapacity(
    string Cluster,
    DateTimeOffset GeneratedAt,
    CapacitySnapshot? Snapshot,
    IReadOnlyList<ResourceForecast> Resources,
    IReadOnlyList<string> Notes)
{
    /// <summary>Usable capacity now: (raw − reserve) × the volumes' weighted efficiency.</summary>
    public double? UsableBytes => Snapshot is { } s ? Usable(s) : null;

    /// <summary>Usable capacity of a live model: (raw − reserve) × the volumes' weighted efficiency; null without pool or volumes.</summary>
    public static double? Usable(CapacitySnapshot s) =>
        s is { RawBytes: > 0 } && s.Volumes.Count > 0 ? (s.RawBytes - s.ReserveBytes) * WeightedEfficiency(s) : null;

    private static double WeightedEfficiency(CapacitySnapshot s)
    {
        var size = s.Volumes.Sum(v => v.SizeBytes);
        var footprint = s.Volumes.Sum(v => v.SizeBytes / (ResiliencyTable.TryResolve(v.Resiliency, Math.Max(1, s.Nodes), s.Media, out _)?.Efficiency ?? 1));
        return footprint > 0 ? size / footprint : 1;
    }
}
