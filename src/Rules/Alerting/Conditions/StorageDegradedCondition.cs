using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalStorageDegraded: a volume or pool whose health is warning/unhealthy, or a volume whose operational
/// state is degraded, incomplete, detached or no_redundancy. One alert per volume or pool, labelled with its
/// <c>impact</c>: <c>redundancy</c> (Degraded/Incomplete, health Warning: data online with fewer copies — the expected
/// consequence of a node away) or <c>data_offline</c> (Detached, No Redundancy, health Unhealthy: data unavailable or
/// lost — never an expected consequence, so a NodeDown does not mute it). States per Microsoft's "Storage Spaces
/// Direct health and operational states".
/// </summary>
public sealed class StorageDegradedCondition : IAlertCondition
{
    private static readonly HashSet<string> BadHealth = new(StringComparer.Ordinal) { "warning", "unhealthy" };
    private static readonly HashSet<string> BadOperational = new(StringComparer.Ordinal) { "degraded", "incomplete", "detached", "no_redundancy" };
    private static readonly HashSet<string> Offline = new(StringComparer.Ordinal) { "operational state detached", "operational state no_redundancy", "health unhealthy" };

    /// <summary>Label values of <c>impact</c>.</summary>
    public const string Redundancy = "redundancy";

    /// <summary>Label value of <c>impact</c> when data is unavailable.</summary>
    public const string DataOffline = "data_offline";

    public string Kind => "storage_degraded";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.VolumeHealth, CatalogNames.VolumeOperational, CatalogNames.PoolHealth];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var reasons = new SortedDictionary<(string Kind, string Name), List<string>>();
        Collect(context, CatalogNames.VolumeHealth, "volume", BadHealth, "health", reasons);
        Collect(context, CatalogNames.VolumeOperational, "volume", BadOperational, "operational state", reasons);
        Collect(context, CatalogNames.PoolHealth, "pool", BadHealth, "health", reasons);

        foreach (var ((kind, name), why) in reasons)
        {
            var impact = why.Any(Offline.Contains) ? DataOffline : Redundancy;
            var labels = LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name, kind, name, "impact", impact);
            candidates.Add(new AlertCandidate(labels, why.Count, ConditionHelpers.Details(("subject", $"{kind} {name}"), ("reason", string.Join(", ", why)),
                ("impact", impact == DataOffline ? "data is offline or lost" : "data is online with fewer copies than its resiliency requires"))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"label_replace(max by (cluster, volume) ({CatalogNames.VolumeHealth}{{state=\"unhealthy\"}} == 1 or " +
        $"{CatalogNames.VolumeOperational}{{state=~\"detached|no_redundancy\"}} == 1), \"impact\", \"{DataOffline}\", \"\", \"\") or " +
        $"label_replace(max by (cluster, volume) ({CatalogNames.VolumeHealth}{{state=\"warning\"}} == 1 or " +
        $"{CatalogNames.VolumeOperational}{{state=~\"degraded|incomplete\"}} == 1), \"impact\", \"{Redundancy}\", \"\", \"\") " +
        $"unless on (cluster, volume) max by (cluster, volume) ({CatalogNames.VolumeHealth}{{state=\"unhealthy\"}} == 1 or " +
        $"{CatalogNames.VolumeOperational}{{state=~\"detached|no_redundancy\"}} == 1) or " +
        $"label_replace(max by (cluster, pool) ({CatalogNames.PoolHealth}{{state=\"unhealthy\"}} == 1), \"impact\", \"{DataOffline}\", \"\", \"\") or " +
        $"label_replace(max by (cluster, pool) ({CatalogNames.PoolHealth}{{state=\"warning\"}} == 1), \"impact\", \"{Redundancy}\", \"\", \"\")";

    private static void Collect(EvaluationContext context, string metric, string subjectLabel, HashSet<string> badStates,
        string what, SortedDictionary<(string, string), List<string>> reasons)
    {
        foreach (var series in context.Fresh(metric))
        {
            if (series.Value != 1 || series.Labels.Get("state") is not { } state || !badStates.Contains(state))
            {
                continue;
            }

            var subject = series.Labels.Get(subjectLabel) ?? "unnamed";
            if (!reasons.TryGetValue((subjectLabel, subject), out var list))
            {
                list = [];
                reasons.Add((subjectLabel, subject), list);
            }

            list.Add($"{what} {state}");
        }
    }
}
