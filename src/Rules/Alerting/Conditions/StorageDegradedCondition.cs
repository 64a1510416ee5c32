using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalStorageDegraded: a volume or pool whose health is warning/unhealthy, or a volume whose operational
/// state is degraded, incomplete, detached or no_redundancy. One alert per volume or pool.
/// </summary>
public sealed class StorageDegradedCondition : IAlertCondition
{
    private static readonly HashSet<string> BadHealth = new(StringComparer.Ordinal) { "warning", "unhealthy" };
    private static readonly HashSet<string> BadOperational = new(StringComparer.Ordinal) { "degraded", "incomplete", "detached", "no_redundancy" };

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
            var labels = LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name, kind, name);
            candidates.Add(new AlertCandidate(labels, why.Count, ConditionHelpers.Details(("subject", $"{kind} {name}"), ("reason", string.Join(", ", why)))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, volume) ({CatalogNames.VolumeHealth}{{state=~\"warning|unhealthy\"}} == 1 or " +
        $"{CatalogNames.VolumeOperational}{{state=~\"degraded|incomplete|detached|no_redundancy\"}} == 1) or " +
        $"max by (cluster, pool) ({CatalogNames.PoolHealth}{{state=~\"warning|unhealthy\"}} == 1)";

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
