namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// A capacity forecast as alerting sees it: a resource of a cluster whose median forecast crosses its policy at
/// <see cref="CrossesAt"/>. Published by the capacity job (Capacity implements <see cref="ICapacityOutlookSource"/>),
/// turned into AzLocalCapacityForecast by the same lifecycle, muting and persistence as every other alert.
/// </summary>
/// <param name="Resource">storage, memory, storage_n_plus_1...</param>
/// <param name="CrossesAt">When the median (P50) forecast crosses the policy.</param>
/// <param name="Details">Annotation details: policy, current, earliest, latest, method.</param>
public sealed record CapacityOutlook(string Resource, DateTimeOffset CrossesAt, IReadOnlyDictionary<string, string> Details);

/// <summary>Where capacity forecasts come from (the capacity board); Alerting reads, never computes them.</summary>
public interface ICapacityOutlookSource
{
    /// <summary>The latest forecasts of <paramref name="cluster"/> that cross their policy within the horizon.</summary>
    IReadOnlyList<CapacityOutlook> For(string cluster);
}

/// <summary>No capacity planning configured.</summary>
public sealed class NoCapacityOutlook : ICapacityOutlookSource
{
    public IReadOnlyList<CapacityOutlook> For(string cluster) => [];
}
