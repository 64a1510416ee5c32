using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>A loaded alerting policy: the rules, the inhibit rules and recovery holds, and the maintenance windows it configures.</summary>
public sealed record AlertPolicy(
    IReadOnlyList<AlertingRule> Rules,
    IReadOnlyList<InhibitRule> InhibitRules,
    IReadOnlyList<MaintenanceWindow> MaintenanceWindows,
    IReadOnlyList<string> Sources)
{
    /// <summary>The inhibitor of this policy, built once rather than per evaluation.</summary>
    public Inhibitor Inhibitor { get; } = new(InhibitRules);

    /// <summary>What keeps an inhibited consequence muted while its incident's recovery runs (policy key <c>recovery_holds</c>).</summary>
    public IReadOnlyList<RecoveryHold> RecoveryHolds { get; init; } = [];

    /// <summary>The keys alert state is stored under (<see cref="AlertRuleDefinition.Key"/>): rules not in it were removed by a reload.</summary>
    public IReadOnlySet<string> RuleKeys { get; } = Rules.Select(r => r.Definition.Key).ToHashSet(StringComparer.Ordinal);
}
