namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// What PRODUCT.md §4 says of one alert: name, severity, <c>for</c>, <c>keep_firing_for</c> and its annotation
/// templates. Templates use <c>{label}</c> placeholders filled from the alert's labels and the candidate's details.
/// </summary>
public sealed record AlertRuleDefinition(
    string Name,
    string Severity,
    TimeSpan For,
    TimeSpan KeepFiringFor,
    string Summary,
    string Description,
    string Runbook);
