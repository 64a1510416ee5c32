namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// Body of <c>POST /api/v1/silences</c>. Matchers as Alertmanager writes them (<c>alertname="AzLocalCpuHigh"</c>,
/// <c>node=~"n[12]"</c>); an end, or a duration from the start (default: now).
/// </summary>
public sealed record SilenceRequest(
    IReadOnlyList<string>? Matchers,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Duration,
    string? Comment);
