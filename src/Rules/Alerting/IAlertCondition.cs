namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// The "fires when" of a rule: finds, in one cluster, every subject for which it holds now. Stateless: one
/// instance serves every rule and cluster; settings (threshold, parameters) come from the context.
/// </summary>
public interface IAlertCondition
{
    /// <summary>The condition kind's name in the policy file (e.g. <c>node_cpu_high</c>).</summary>
    string Kind { get; }

    /// <summary>
    /// The metrics the condition reads (Prometheus names; <see cref="NodeReports"/> for node self-report times).
    /// On arrival a rule runs only when one of them changed; null: on every arrival. Timers run every rule.
    /// </summary>
    IReadOnlyCollection<string>? Inputs => null;

    /// <summary>Pseudo-input: a node reported itself (silence detection).</summary>
    const string NodeReports = "$node_reports";

    /// <summary>Adds a candidate per subject for which the condition holds. Reads time only from <paramref name="context"/>.</summary>
    void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates);

    /// <summary>The same condition as a PromQL expression over the series Rules exposes on /metrics.</summary>
    string ToPromQl(RuleSettings settings);

    /// <summary>Problems with the settings (missing or out-of-range threshold or parameters).</summary>
    IEnumerable<string> Validate(RuleSettings settings) => [];
}
