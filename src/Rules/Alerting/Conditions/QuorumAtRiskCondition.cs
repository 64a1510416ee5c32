using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalQuorumAtRisk: quorum is held but losing one more voter would lose it (votes present ≤ ⌊configured/2⌋ + 1,
/// the reported counts already reflecting dynamic weights), or the witness failed — or none is configured — on a
/// 2-node cluster (either node's loss then leaves one vote of two: the module requires a witness there). Clusters
/// with fewer than 3 configured votes (single node) have no margin by construction and are not flagged.
/// </summary>
public sealed class QuorumAtRiskCondition : IAlertCondition
{
    public string Kind => "quorum_at_risk";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ClusterQuorum, CatalogNames.ClusterVotesPresent, CatalogNames.ClusterVotesConfigured, CatalogNames.WitnessState, CatalogNames.NodeState];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var quorum = context.Fresh(CatalogNames.ClusterQuorum).FirstOrDefault()?.Value;
        if (quorum is not 1)
        {
            return;
        }

        var present = context.Fresh(CatalogNames.ClusterVotesPresent).FirstOrDefault()?.Value;
        var configured = context.Fresh(CatalogNames.ClusterVotesConfigured).FirstOrDefault()?.Value;
        var labels = LabelSet.Of("cluster", context.Cluster.Name);
        if (present is { } p && configured is { } c && c >= 3 && p <= Math.Floor(c / 2) + 1)
        {
            candidates.Add(new AlertCandidate(labels, p, Details(("reason", $"{Num(p)} of {Num(c)} votes present: losing one more voter loses quorum"))));
            return;
        }

        var witness = context.Fresh(CatalogNames.WitnessState).Where(s => s.Value == 1).ToList();
        var witnessFailed = witness.Any(s => s.Labels.Get("state") == "failed");
        var noWitness = witness.Count > 0 && witness.All(s => s.Labels.Get("type") == "none");
        if ((witnessFailed || noWitness) && context.Cluster.MemberNodes().Count == 2)
        {
            var reason = noWitness
                ? "this 2-node cluster has no witness configured: one node failure loses quorum (configure a cloud or file-share witness)"
                : "the witness of this 2-node cluster has failed: one node failure loses quorum";
            candidates.Add(new AlertCandidate(labels, 0, Details(("reason", reason))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster) ({CatalogNames.ClusterQuorum} == 1) and on (cluster) " +
        $"(max by (cluster) ({CatalogNames.ClusterVotesPresent}) <= on (cluster) (floor(max by (cluster) ({CatalogNames.ClusterVotesConfigured}) / 2) + 1) " +
        $"and on (cluster) max by (cluster) ({CatalogNames.ClusterVotesConfigured}) >= 3) " +
        $"or max by (cluster) ({CatalogNames.ClusterQuorum} == 1) and on (cluster) max by (cluster) ({CatalogNames.WitnessState}{{state=\"failed\"}} == 1 or {CatalogNames.WitnessState}{{type=\"none\"}} == 1) " +
        $"and on (cluster) count by (cluster) ({CatalogNames.NodeState}{{state=\"up\"}}) == 2";
}
