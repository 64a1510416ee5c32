namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// A cluster in <c>GET /api/v1/clusters</c>. Counts are of alerts that page (unmuted); <see cref="MutedAlerts"/> counts
/// the pending and firing ones an inhibition, a window or a silence holds back ("+4 muted"). Nodes are the members.
/// <see cref="Stale"/>: no report for longer than <c>Series:StaleAfter</c>, so its facts are unknown, not healthy.
/// </summary>
public sealed record ClusterDto(
    string Cluster,
    DateTimeOffset LastReport,
    bool? Quorum,
    double? VotesPresent,
    double? VotesConfigured,
    int Series,
    IReadOnlyList<NodeDto> Nodes,
    int FiringAlerts,
    int PendingAlerts,
    int MutedAlerts,
    IReadOnlyDictionary<string, int> FiringBySeverity,
    bool Stale = false);

/// <summary>A node of a cluster: its membership state as its peers report it, and its own last report.</summary>
public sealed record NodeDto(string Node, string State, DateTimeOffset? LastSelfReport);
