using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalReplicationUnhealthy: a replication group is not replicating — waiting for its destination (the other
/// site or cluster unreachable), suspended or failed. Its destination falls behind from that moment: for a
/// synchronous group (zero RPO) the objective is already missed.
/// </summary>
public sealed class ReplicationUnhealthyCondition : IAlertCondition
{
    private static readonly string[] Unhealthy = ["waiting_for_destination", "suspended", "failed"];

    public string Kind => "replication_unhealthy";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ReplicationState];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.ReplicationState))
        {
            if (series.Value == 1 && series.Labels.Get("state") is { } state && Unhealthy.Contains(state, StringComparer.Ordinal))
            {
                candidates.Add(new AlertCandidate(Subject(series, "cluster", "group", "partner", "mode"), 1,
                    Details(("state", state.Replace('_', ' ')))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, group, partner, mode) ({CatalogNames.ReplicationState}{{state=~\"{string.Join("|", Unhealthy)}\"}} == 1)";
}
