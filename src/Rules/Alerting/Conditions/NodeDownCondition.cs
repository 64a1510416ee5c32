using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalNodeDown: a peer reports the node's membership state as <c>down</c>, or the node's own telemetry has
/// been silent for <see cref="AlertingOptions.NodeSilenceAfter"/> while other nodes of the cluster still report
/// (a whole silent cluster is a monitoring problem, not N node failures).
/// </summary>
public sealed class NodeDownCondition : IAlertCondition
{
    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.NodeState))
        {
            if (series.Value == 1 && series.Labels.Get("state") == "down" && series.Labels.Get(ResourceAttributes.NodeLabel) is { } node)
            {
                reported.Add(node);
                candidates.Add(Candidate(context, node, "its cluster peers report its membership state as Down"));
            }
        }

        var silenceMs = (long)context.Alerting.NodeSilenceAfter.TotalMilliseconds;
        var nodes = context.Cluster.NodeLastSelfReportMs;
        var anyPeerReporting = nodes.Values.Any(last => context.NowMs - last <= silenceMs);
        foreach (var (node, last) in nodes)
        {
            if (context.NowMs - last > silenceMs)
            {
                if (anyPeerReporting && !reported.Contains(node))
                {
                    var seconds = (context.NowMs - last) / 1000;
                    candidates.Add(Candidate(context, node, FormattableString.Invariant($"its own telemetry has been silent for {seconds}s while its peers still report")));
                }
            }
            else
            {
                context.NoteDeadlineMs(last + silenceMs + 1);
            }
        }
    }

    private static AlertCandidate Candidate(EvaluationContext context, string node, string reason) =>
        new(
            LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name, ResourceAttributes.NodeLabel, node),
            1,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = reason });
}
