using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalQuorumLost: the cluster's own verdict <c>azlocal_cluster_quorum</c> is 0 (it accounts for dynamic quorum).</summary>
public sealed class QuorumLostCondition : IAlertCondition
{
    public string Kind => "quorum_lost";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ClusterQuorum, CatalogNames.ClusterVotesPresent, CatalogNames.ClusterVotesConfigured];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.ClusterQuorum))
        {
            if (series.Value == 0)
            {
                candidates.Add(new AlertCandidate(LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name), series.Value, Details(("votes", Votes(context)))));
                return;
            }
        }
    }

    public string ToPromQl(RuleSettings settings) => $"max by (cluster) ({CatalogNames.ClusterQuorum} == 0)";

    private static string Votes(EvaluationContext context)
    {
        var present = context.Fresh(CatalogNames.ClusterVotesPresent).FirstOrDefault()?.Value;
        var configured = context.Fresh(CatalogNames.ClusterVotesConfigured).FirstOrDefault()?.Value;
        return present is null || configured is null
            ? "vote counts not reported"
            : $"{Num(present.Value)} of {Num(configured.Value)} votes present";
    }
}
