using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalNodeDown: a peer reports the node's membership state as <c>down</c>, or the node's own telemetry has
/// been silent for <see cref="AlertingOptions.NodeSilenceAfter"/> while other nodes of the cluster still report
/// (a whole silent cluster is a monitoring problem, AzLocalTelemetryLost, not N node failures). A single-node cluster
/// has no peer: its silence is a NodeDown, since nothing can tell down from cut off, but only once the cluster is
/// established (its reports span parameter <c>established</c>, default the silence, as for AzLocalTelemetryLost), so a
/// made-up cluster that sends one export cannot raise a critical page. A node the cluster itself put in
/// maintenance (paused, drained) is not down: it restarts as part of the work (AzLocalNodeMaintenance says so).
/// </summary>
public sealed class NodeDownCondition : IAlertCondition
{
    public string Kind => "node_down";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.NodeState, IAlertCondition.NodeReports];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var maintenance = context.Cluster.NodesInMaintenance;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.NodeState))
        {
            if (series.Value == 1 && series.Labels.Get("state") == "down" && series.Labels.Get(ResourceAttributes.NodeLabel) is { } node)
            {
                reported.Add(node);
                if (!maintenance.Contains(node))
                {
                    candidates.Add(Candidate(context, node, "its cluster peers report its membership state as Down"));
                }
            }
        }

        var silenceMs = (long)Silence(context.Settings, context.Alerting).TotalMilliseconds;
        var nodes = context.Cluster.NodeLastSelfReportMs;
        var anyPeerReporting = nodes.Values.Any(last => context.NowMs - last <= silenceMs);
        var singleNode = nodes.Count == 1 && context.Cluster.MemberNodes().Count == 1 &&
            context.Cluster.LastReportMs - context.Cluster.FirstReportMs >= (long)Established(context.Settings, context.Alerting).TotalMilliseconds;
        foreach (var (node, last) in nodes)
        {
            if (context.NowMs - last > silenceMs)
            {
                if (reported.Contains(node) || maintenance.Contains(node))
                {
                    continue;
                }

                var silent = TimeSpan.FromMilliseconds(context.NowMs - last);
                if (anyPeerReporting)
                {
                    candidates.Add(Candidate(context, node, $"its own telemetry has been silent for {Human(silent)} while its peers still report"));
                }
                else if (singleNode)
                {
                    candidates.Add(Candidate(context, node, $"this single-node cluster has been silent for {Human(silent)}; with no peer to ask, " +
                        "a node that is down cannot be told from one cut off from monitoring"));
                }
            }
            else
            {
                context.NoteDeadlineMs(last + silenceMs + 1);
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var silence = Num(Silence(settings, new AlertingOptions()).TotalSeconds);
        var established = Num(Established(settings, new AlertingOptions()).TotalSeconds);
        // Prometheus sees maintenance only while the node is reported paused or draining (Rules also remembers it
        // across the restart that follows).
        return $"(max by (cluster, node) ({CatalogNames.NodeState}{{state=\"down\"}} == 1) or max by (cluster, node) " +
            $"((time() - {CatalogNames.NodeLastReport}) > {silence} and on (cluster) (min by (cluster) (time() - {CatalogNames.NodeLastReport}) <= {silence})) " +
            $"or max by (cluster, node) ((time() - {CatalogNames.NodeLastReport}) > {silence} and on (cluster) count by (cluster) ({CatalogNames.NodeLastReport}) == 1 " +
            $"and on (cluster) (max by (cluster) ({CatalogNames.ClusterLastReport}) - min by (cluster) ({CatalogNames.ClusterFirstReport}) >= {established}))) " +
            $"unless on (cluster, node) (max by (cluster, node) ({CatalogNames.NodeState}{{state=\"paused\"}} == 1 or {CatalogNames.NodeDrain}{{state=~\"in_progress|completed\"}} == 1))";
    }

    /// <summary>The <c>silence</c> parameter, else <see cref="AlertingOptions.NodeSilenceAfter"/>.</summary>
    private static TimeSpan Silence(RuleSettings settings, AlertingOptions options) => settings.Duration("silence", options.NodeSilenceAfter);

    /// <summary>The <c>established</c> parameter (how long a single-node cluster must have reported), else the silence.</summary>
    private static TimeSpan Established(RuleSettings settings, AlertingOptions options) => settings.Duration("established", Silence(settings, options));

    private static AlertCandidate Candidate(EvaluationContext context, string node, string reason) =>
        new(LabelSet.Of(ResourceAttributes.ClusterLabel, context.Cluster.Name, ResourceAttributes.NodeLabel, node), 1, Details(("reason", reason)));
}
