using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalNetworkLatencyHigh: round trip to a peer above the segment's budget (parameters <c>storage</c>,
/// <c>management</c>, <c>cluster</c>, <c>workload</c> in seconds; defaults 0.5 ms, 1 ms, 5 ms, none).
/// </summary>
public sealed class NetworkLatencyHighCondition : IAlertCondition
{
    private static readonly (string Network, double Budget)[] Defaults = [("storage", 0.0005), ("management", 0.001), ("cluster", 0.005)];

    public string Kind => "network_latency_high";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.NetworkLatency];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var series in context.Fresh(CatalogNames.NetworkLatency))
        {
            var network = series.Labels.Get("network") ?? string.Empty;
            var budget = Budget(context.Settings, network);
            if (budget is { } b && series.Value > b)
            {
                candidates.Add(new AlertCandidate(Subject(series, "cluster", "node", "network", "peer"), series.Value,
                    Details(("value", Millis(series.Value)), ("threshold", Millis(b)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parts = Budgets(settings).Select(b =>
            $"max by (cluster, node, network, peer) ({CatalogNames.NetworkLatency}{{network=\"{b.Network}\"}}) > {Num(b.Budget)}");
        return string.Join(" or ", parts);
    }

    public IEnumerable<string> Validate(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var (key, _) in settings.Parameters)
        {
            if (key is not ("storage" or "management" or "cluster" or "workload"))
            {
                yield return $"unknown network '{key}' (expected storage, management, cluster or workload)";
            }
            else if (settings.Number(key, -1) <= 0)
            {
                yield return $"budget of network '{key}' must be a positive number of seconds";
            }
        }
    }

    private static double? Budget(RuleSettings settings, string network)
    {
        var fallback = Defaults.FirstOrDefault(d => d.Network == network).Budget;
        var budget = settings.Number(network, fallback);
        return budget > 0 ? budget : null;
    }

    private static IEnumerable<(string Network, double Budget)> Budgets(RuleSettings settings) =>
        new[] { "storage", "management", "cluster", "workload" }
            .Select(n => (n, Budget(settings, n)))
            .Where(b => b.Item2 is not null)
            .Select(b => (b.n, b.Item2!.Value));
}
