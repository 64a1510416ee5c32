using System.Collections.Concurrent;
using System.Globalization;
using AzLocalMonitor.Rules.Alerting;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// Publishes the forecast job's crossings to alerting as <see cref="CapacityOutlook"/>s and asks for the cluster to be
/// evaluated. AzLocalCapacityForecast itself is a policy rule (condition <c>capacity_forecast</c>): one lifecycle for
/// every alert — inhibition, maintenance, silences, persistence and resends included.
/// </summary>
public sealed class CapacityAlerts : ICapacityOutlookSource
{
    public const string AlertName = "AzLocalCapacityForecast";

    // Written by the forecast job, read by every evaluation: an immutable list per cluster, swapped whole.
    private readonly ConcurrentDictionary<string, IReadOnlyList<CapacityOutlook>> _outlooks = new(StringComparer.Ordinal);
    private readonly AlertBook _book;

    public CapacityAlerts(AlertBook book) => _book = book;

    public IReadOnlyList<CapacityOutlook> For(string cluster) => _outlooks.GetValueOrDefault(cluster) ?? [];

    /// <summary>Replaces the outlook of the cluster of <paramref name="capacity"/> and requests its evaluation.</summary>
    public void Publish(ClusterCapacity capacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var outlooks = new List<CapacityOutlook>();
        foreach (var resource in capacity.Resources.Where(r => r.IsRatio))
        {
            if (resource.Crossing.TryGetValue("0.5", out var at))
            {
                outlooks.Add(new CapacityOutlook(resource.Resource, at, Details(resource)));
            }
        }

        _outlooks[capacity.Cluster] = outlooks;
        _book.RequestEvaluation(capacity.Cluster);
    }

    private static Dictionary<string, string> Details(ResourceForecast resource)
    {
        string Date(string q) => resource.Crossing.TryGetValue(q, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "beyond the horizon";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["policy"] = resource.Policy.ToString("P0", CultureInfo.InvariantCulture),
            ["current"] = resource.Current.ToString("P1", CultureInfo.InvariantCulture),
            ["method"] = resource.Method,
            ["score"] = resource.Score.ToString("G3", CultureInfo.InvariantCulture),
            ["baseline"] = resource.BaselineScore.ToString("G3", CultureInfo.InvariantCulture),
            ["earliest"] = Date("0.1"),
            ["latest"] = Date("0.9"),
        };
    }
}
