using AzLocalMonitor.Dashboard.Building;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>
/// Query factories. Expressions use only the variables <c>$cluster</c>, <c>$node</c> and <c>$resource</c>
/// (all with "All" = <c>.*</c>) and Grafana's <c>$__rate_interval</c> for rates, so they run unchanged on plain
/// Prometheus once the variables are substituted (see <see cref="Substitute"/>).
/// </summary>
public static class Queries
{
    /// <summary>Label matcher for the selected clusters.</summary>
    public const string Cluster = "cluster=~\"$cluster\"";

    /// <summary>Label matchers for the selected clusters and nodes.</summary>
    public const string ClusterNode = "cluster=~\"$cluster\", node=~\"$node\"";

    /// <summary>
    /// The policy's threshold of <paramref name="alert"/> per selected cluster (<c>azlocal_policy_threshold</c>), legend
    /// "{cluster} policy" so <see cref="Overrides.PolicyLines"/> draws it dashed; <paramref name="param"/> picks a parameter.
    /// </summary>
    public static PromQuery PolicyLine(string alert, string param = "threshold", string? extraMatchers = null) =>
        Range($$"""max by (cluster) ({{RulesMetric.PolicyThreshold}}{cluster=~"$cluster", alert="{{alert}}", param="{{param}}"{{(extraMatchers is null ? "" : ", " + extraMatchers)}}})""", "{{cluster}} policy");

    /// <summary>Graph query over the time range.</summary>
    public static PromQuery Range(string expr, string? legend = null) => new(expr, legend, Instant: false, Table: false);

    /// <summary>Latest value only (stat, bar gauge).</summary>
    public static PromQuery Instant(string expr, string? legend = null) => new(expr, legend, Instant: true, Table: false);

    /// <summary>Latest value as a table, labels as columns.</summary>
    public static PromQuery Table(string expr) => new(expr, null, Instant: true, Table: true);

    /// <summary>
    /// Node state as one number per node (0 up, 1 down, 2 paused, 3 joining, 4 unknown) for state timelines;
    /// see <see cref="StateCode"/>.
    /// </summary>
    public static string NodeStateCode(string matchers) =>
        StateCode(Metric.NodeState, matchers, Mappings.NodeStateColors.Select(s => s.State));

    /// <summary>Drain state as one number per node (0 none, 1 in progress, 2 completed, 3 failed).</summary>
    public static string DrainStateCode(string matchers) =>
        StateCode(Metric.NodeDrain, matchers, Mappings.DrainStateColors.Select(s => s.State));

    /// <summary>
    /// Folds a state set (1 for the current state) into one number per node: the index of the current state.
    /// Each state's series is multiplied by its index and the maximum kept, so states missing from a report
    /// do not drop the node.
    /// </summary>
    public static string StateCode(string metric, string matchers, IEnumerable<string> states)
    {
        var union = string.Join(" or ", states.Select((s, i) => $"{i} * {metric}{{{matchers}, state=\"{s}\"}}"));
        return $"max by (cluster, node) ({union})";
    }

    /// <summary>Replaces dashboard variables with values (default: match everything) to run an expression on plain Prometheus.</summary>
    public static string Substitute(string expr, IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        string Value(string name) => values is not null && values.TryGetValue(name, out var v) ? v : ".*";
        foreach (var name in new[] { "cluster", "node", "resource" })
        {
            expr = expr.Replace("${" + name + "}", Value(name), StringComparison.Ordinal)
                .Replace("$" + name, Value(name), StringComparison.Ordinal);
        }

        // Grafana's built-ins: $__rate_interval is at least four scrape intervals (1m at the shipped 15 s scrape).
        return expr.Replace("$__rate_interval", values?.GetValueOrDefault("__rate_interval") ?? "1m", StringComparison.Ordinal);
    }
}
