using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalQuorumLost: the cluster's own verdict <c>azlocal_cluster_quorum</c> is 0 (it accounts for dynamic quorum) —
/// or no node can ask it any more: on Windows a cluster that loses quorum stops its cluster service, so the nodes still
/// up report <c>azlm_agent_cluster_queryable 0</c> instead of a verdict. When every node still reporting says so, and
/// says so after the last verdict, the cluster is without quorum (or stopped) as far as anyone can tell.
/// </summary>
public sealed class QuorumLostCondition : IAlertCondition
{
    public string Kind => "quorum_lost";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ClusterQuorum, CatalogNames.ClusterVotesPresent, CatalogNames.ClusterVotesConfigured, CatalogNames.AgentClusterQueryable];

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

        var queryable = context.Fresh(CatalogNames.AgentClusterQueryable).ToList();
        var lastVerdictMs = context.Cluster.SeriesOf(CatalogNames.ClusterQuorum).Select(s => s.ReceivedMs).DefaultIfEmpty(long.MinValue).Max();
        // A verdict must have been seen: a node that never could query proves nothing about quorum.
        if (lastVerdictMs != long.MinValue && queryable.Count > 0 && queryable.All(s => s.Value == 0 && s.ReceivedMs > lastVerdictMs))
        {
            var nodes = string.Join(", ", queryable.Select(s => s.Labels.Get(ResourceAttributes.NodeLabel)).Order(StringComparer.Ordinal));
            candidates.Add(new AlertCandidate(LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name), 0,
                Details(("votes", $"no verdict: every node still reporting ({nodes}) can no longer query the cluster, whose service stops without quorum"))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster) ({CatalogNames.ClusterQuorum} == 0) or (max by (cluster) ({CatalogNames.AgentClusterQueryable}) == 0 " +
        $"unless on (cluster) max by (cluster) ({CatalogNames.ClusterQuorum}))";

    private static string Votes(EvaluationContext context)
    {
        var present = context.Fresh(CatalogNames.ClusterVotesPresent).FirstOrDefault()?.Value;
        var configured = context.Fresh(CatalogNames.ClusterVotesConfigured).FirstOrDefault()?.Value;
        return present is null || configured is null
            ? "vote counts not reported"
            : $"{Num(present.Value)} of {Num(configured.Value)} votes present";
    }
}
