using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalRoutineOperation: a routine operation finished on the cluster (the module's informational tier beyond
/// maintenance): a drive retired, a node drained or resumed, a volume created or resized, a storage job finished.
/// The collector reports each for an hour after it; the alert lives as long, goes to the log, and never pages.
/// </summary>
public sealed class RoutineOperationCondition : IAlertCondition
{
    public string Kind => "routine_operation";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ClusterOperations];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.ClusterOperations))
        {
            if (series.Value > 0 && series.Labels.Get("operation") is { } operation)
            {
                candidates.Add(new AlertCandidate(Subject(series, "cluster", "operation", "subject"), series.Value,
                    Details(("what", operation.Replace('_', ' ')))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings) => $"max by (cluster, operation, subject) ({CatalogNames.ClusterOperations}) > 0";
}
