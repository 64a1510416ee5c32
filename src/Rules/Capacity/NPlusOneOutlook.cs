using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// N+1 for one cluster as an alert reads it: evaluated now from the live state (available from the first record,
/// no history or forecast needed), and the date the forecast says it stops holding.
/// </summary>
/// <param name="Cluster">Cluster name.</param>
/// <param name="EvaluatedAt">Time of the live state it was evaluated on.</param>
/// <param name="Now">The N+1 test on the live state.</param>
/// <param name="FailsAt">
/// When N+1 stops holding: <paramref name="EvaluatedAt"/> when it fails now; else the forecast's median crossing
/// of ratio 1 (resource <c>n_plus_1</c>, quantile "0.5"); null when it holds and no forecast crosses within the horizon
/// (or no forecast exists yet).
/// </param>
/// <param name="EarliestFailsAt">Like <paramref name="FailsAt"/> on the forecast's P90 path (quantile "0.1").</param>
public sealed record NPlusOneOutlook(string Cluster, DateTimeOffset EvaluatedAt, NPlusOneResult Now, DateTimeOffset? FailsAt, DateTimeOffset? EarliestFailsAt)
{
    /// <summary>True when the cluster does not survive losing its largest node now.</summary>
    public bool FailsNow => !Now.Holds;

    /// <summary>Combines the live snapshot with the latest forecast (null when none).</summary>
    public static NPlusOneOutlook From(CapacitySnapshot snapshot, ClusterCapacity? forecast)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(snapshot.TimestampMs);
        var now = snapshot.NPlusOne;
        if (!now.Holds)
        {
            return new NPlusOneOutlook(snapshot.Cluster, at, now, at, at);
        }

        var resource = forecast?.Resources.FirstOrDefault(r => r.Resource == CapacityResources.NPlusOne);
        DateTimeOffset? Crossing(string q) => resource is not null && resource.Crossing.TryGetValue(q, out var d) ? d : null;
        return new NPlusOneOutlook(snapshot.Cluster, at, now, Crossing("0.5"), Crossing("0.1"));
    }
}
