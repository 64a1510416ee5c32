using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>A loaded alerting policy: the rules, the inhibit rules, and the maintenance windows it configures.</summary>
public sealed record AlertPolicy(
    IReadOnlyList<AlertingRule> Rules,
    IReadOnlyList<InhibitRule> InhibitRules,
    IReadOnlyList<MaintenanceWindow> MaintenanceWindows,
    IReadOnlyList<string> Sources);
