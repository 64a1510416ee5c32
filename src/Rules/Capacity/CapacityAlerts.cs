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

    // Written by the capacity jobs, read by every evaluation: immutable lists per cluster, swapped whole (the combined
    // list is what evaluations read, rebuilt only when either part changes).
    private readonly ConcurrentDictionary<string, IReadOnlyList<CapacityOutlook>> _forecasts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CapacityOutlook> _failingNow = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<CapacityOutlook>> _combined = new(StringComparer.Ordinal);
    private readonly AlertBook _book;

    public CapacityAlerts(AlertBook book) => _book = book;

    public IReadOnlyList<CapacityOutlook> For(string cluster) => _combined.GetValueOrDefault(cluster) ?? [];

    /// <summary>Replaces the forecast outlook of the cluster of <paramref name="capacity"/> and requests its evaluation.</summary>
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

        _forecasts[capacity.Cluster] = outlooks;
        Combine(capacity.Cluster);
    }

    /// <summary>
    /// N+1 on the live state, from every record (no history or forecast needed): a cluster that does not survive losing
    /// its largest node now is an AzLocalCapacityForecast for <c>n_plus_1</c> crossing now. Evaluation is requested only
    /// when that verdict changes.
    /// </summary>
    public void PublishNPlusOne(NPlusOneOutlook? outlook)
    {
        if (outlook is null)
        {
            return;
        }

        var failing = _failingNow.ContainsKey(outlook.Cluster);
        if (outlook.FailsNow && !failing)
        {
            _failingNow[outlook.Cluster] = new CapacityOutlook(CapacityResources.NPlusOne, outlook.EvaluatedAt, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["policy"] = "surviving the loss of its largest node",
                ["current"] = outlook.Now.Verdict,
                ["method"] = "the live state, now",
                ["score"] = "–",
                ["baseline"] = "–",
                ["earliest"] = "already",
                ["latest"] = "already",
            });
            Combine(outlook.Cluster);
        }
        else if (!outlook.FailsNow && failing)
        {
            _failingNow.TryRemove(outlook.Cluster, out _);
            Combine(outlook.Cluster);
        }
    }

    private void Combine(string cluster)
    {
        var forecasts = _forecasts.GetValueOrDefault(cluster) ?? [];
        _combined[cluster] = _failingNow.TryGetValue(cluster, out var now)
            ? [now, .. forecasts.Where(o => o.Resource != CapacityResources.NPlusOne)]
            : forecasts;
        _book.RequestEvaluation(cluster);
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
