using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalPhysicalDiskFailed: a node reports one or more unhealthy cache or capacity disks.</summary>
public sealed class PhysicalDiskFailedCondition : IAlertCondition
{
    public string Kind => "physical_disk_failed";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.DiskCount];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.DiskCount))
        {
            if (series.Value > 0 && series.Labels.Get("state") == "unhealthy")
            {
                candidates.Add(new AlertCandidate(Subject(series, "cluster", "node", "media", "usage"), series.Value,
                    Details(("count", Num(series.Value)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, node, media, usage) ({CatalogNames.DiskCount}{{state=\"unhealthy\"}}) > 0";
}
