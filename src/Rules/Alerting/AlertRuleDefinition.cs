namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// One alert of the policy (docs/reference/alerts.md): name, severity, condition kind, default settings, annotation
/// templates and per-cluster overrides. Templates use <c>{label}</c> placeholders filled from the alert's labels,
/// the candidate's details, and <c>{threshold}</c>.
/// </summary>
public sealed record AlertRuleDefinition(
    string Name,
    string Severity,
    string Condition,
    RuleSettings Settings,
    string Summary,
    string Description,
    string Runbook)
{
    /// <summary>Overrides per cluster name.</summary>
    public IReadOnlyDictionary<string, RuleOverride> ClusterOverrides { get; init; } = new Dictionary<string, RuleOverride>(StringComparer.Ordinal);

    /// <summary>Where the rule was defined (file:line), for messages.</summary>
    public string Source { get; init; } = "built-in";

    /// <summary>The key overrides and state use: the name, with the severity when one name has several rules.</summary>
    public string Key { get; init; } = Name;

    /// <summary>The settings that apply to <paramref name="cluster"/>.</summary>
    public RuleSettings SettingsFor(string cluster) =>
        ClusterOverrides.TryGetValue(cluster, out var o) ? Settings.With(o) : Settings;
}
