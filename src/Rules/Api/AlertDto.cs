namespace AzLocalMonitor.Rules.Api;

/// <summary>An alert in <c>GET /api/v1/alerts</c>.</summary>
public sealed record AlertDto(
    string Name,
    string Severity,
    string State,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset ActiveAt,
    DateTimeOffset? FiredAt,
    double Value,
    string? MutedBy,
    string? MutedStage);
