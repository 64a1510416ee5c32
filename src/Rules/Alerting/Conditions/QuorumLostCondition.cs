using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalQuorumLost: the cluster's own verdict <c>azlocal_cluster_quorum</c> is 0 (it accounts for dynamic quorum).</summary>
public sealed class QuorumLostCondition : IAlertCondition
{
    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.ClusterQuorum))
        {
            if (series.Value == 0)
            {
                var details = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["votes"] = Votes(context),
                };
                candidates.Add(new AlertCandidate(LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name), series.Value, details));
                return;
            }
        }
    }

    private static string Votes(EvaluationContext context)
    {
        var present = context.Fresh(CatalogNames.ClusterVotesPresent).FirstOrDefault()?.Value;
        var configured = context.Fresh(CatalogNames.ClusterVotesConfigured).FirstOrDefault()?.Value;
        return present is null || configured is null
            ? "vote counts not reported"
            : FormattableString.Invariant($"{present} of {configured} votes present");
    }
}
