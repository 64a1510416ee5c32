namespace AzLocalMonitor.Rules.State;

/// <summary>An alert as stored: enough to resume its lifecycle after a restart without paging again.</summary>
public sealed record AlertRecord(
    string Cluster,
    string RuleKey,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    int State,
    DateTimeOffset ActiveAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? KeepFiringSince,
    double Value);
