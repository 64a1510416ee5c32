namespace AzLocalMonitor.Rules.Alerting;

/// <summary>A cluster's changes to one rule's settings; null fields keep the policy's value.</summary>
public sealed record RuleOverride(
    bool? Enabled,
    double? Threshold,
    TimeSpan? For,
    TimeSpan? KeepFiringFor,
    IReadOnlyDictionary<string, string> Parameters);
