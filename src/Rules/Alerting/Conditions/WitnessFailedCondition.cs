using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalWitnessFailed: the configured witness (cloud or file share) has failed on a cluster of 3 or more nodes.
/// Quorum holds, and with dynamic quorum an odd node count does not even count the witness's vote, so nothing else
/// says it — but the next even-node moment (a node down, a node added) or a second failure needs it. On a 2-node
/// cluster a failed witness is AzLocalQuorumAtRisk (one node failure loses quorum), so it is not repeated here.
/// </summary>
public sealed class WitnessFailedCondition : IAlertCondition
{
    public string Kind => "witness_failed";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.WitnessState, CatalogNames.NodeState];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var failed = context.Fresh(CatalogNames.WitnessState)
            .FirstOrDefault(s => s.Value == 1 && s.Labels.Get("state") == "failed" && s.Labels.Get("type") is { } t && t != "none");
        var nodes = NodeCount(context);
        if (failed is not null && nodes >= 3)
        {
            var type = failed.Labels.Get("type")!;
            candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "witness", type), 1,
                Details(("nodes", Num(nodes)), ("kind", type == "cloud" ? "cloud witness (Azure Storage account)" : "file share witness"))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, witness) (label_replace({CatalogNames.WitnessState}{{state=\"failed\", type!=\"none\"}} == 1, \"witness\", \"$1\", \"type\", \"(.*)\")) " +
        $"and on (cluster) count by (cluster) (max by (cluster, node) ({CatalogNames.NodeState})) >= 3";
}
