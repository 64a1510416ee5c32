using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>A loaded alerting policy: the rules, the inhibit rules, and the maintenance windows it configures.</summary>
public sealed record AlertPolicy(
    IReadOnlyList<AlertingRule> Rules,
    IReadOnlyList<InhibitRule> InhibitRules,
    IReadOnlyList<MaintenanceWindow> MaintenanceWindows,
    IReadOnlyList<string> Sources)
{
    /// <summary>The inhibitor of this policy, built once rather than per evaluation.</summary>
    public Inhibitor Inhibitor { get; } = new(InhibitRules);

    /// <summary>The keys alert state is stored under (<see cref="AlertRuleDefinition.Key"/>): rules not in it were removed by a reload.</summary>
    public IReadOnlySet<string> RuleKeys { get; } = Rules.Select(r => r.Definition.Key).ToHashSet(StringComparer.Ordinal);
}
