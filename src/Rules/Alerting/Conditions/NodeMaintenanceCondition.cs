using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalNodeMaintenance: a node is paused or draining, or inside a maintenance window of its own — including a
/// paused node that is down meanwhile (restarting during a rolling update: informational, not a NodeDown).
/// </summary>
public sealed class NodeMaintenanceCondition : IAlertCondition
{
    public string Kind => "node_maintenance";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.NodeState, CatalogNames.NodeDrain];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var reasons = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.NodeState))
        {
            if (series.Value == 1 && series.Labels.Get("state") == "paused" && series.Labels.Get("node") is { } node)
            {
                reasons[node] = "paused";
            }
        }

        foreach (var series in context.Fresh(CatalogNames.NodeDrain))
        {
            if (series.Value == 1 && series.Labels.Get("state") == "in_progress" && series.Labels.Get("node") is { } node)
            {
                reasons[node] = reasons.ContainsKey(node) ? "paused, draining" : "draining";
            }
        }

        foreach (var node in context.Cluster.NodesInMaintenance)
        {
            if (!reasons.ContainsKey(node))
            {
                reasons[node] = "paused by the cluster and not reporting (restarting during maintenance)";
            }
        }

        foreach (var window in context.ActiveWindows)
        {
            if (window.Node is { } node)
            {
                reasons[node] = reasons.TryGetValue(node, out var r) ? $"{r}, in maintenance window {window.Name}" : $"in maintenance window {window.Name}";
            }
        }

        foreach (var (node, reason) in reasons)
        {
            candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "node", node), 1, Details(("reason", reason))));
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, node) ({CatalogNames.NodeState}{{state=\"paused\"}} == 1 or {CatalogNames.NodeDrain}{{state=\"in_progress\"}} == 1 " +
        $"or {CatalogNames.MaintenanceActive}{{node!=\"\"}} == 1)";
}
