using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalRebuildInProgress: a repair/regeneration job is running; its annotation says how far and when done.</summary>
public sealed class RebuildInProgressCondition : IAlertCondition
{
    public string Kind => "rebuild_in_progress";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.RepairSize, CatalogNames.RepairProcessed];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var job in RepairProgress.Of(context))
        {
            candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, PrometheusNaming.RepairJobLabel, job.Job), job.Fraction,
                Details(("progress", job.Describe()))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, repair_job) ({CatalogNames.RepairSize}) > 0 and on (cluster, repair_job) " +
        $"(max by (cluster, repair_job) ({CatalogNames.RepairProcessed}) < on (cluster, repair_job) max by (cluster, repair_job) ({CatalogNames.RepairSize}))";
}
