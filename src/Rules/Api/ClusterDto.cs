namespace AzLocalMonitor.Rules.Api;

/// <summary>A cluster in <c>GET /api/v1/clusters</c>.</summary>
public sealed record ClusterDto(
    string Cluster,
    DateTimeOffset LastReport,
    bool? Quorum,
    double? VotesPresent,
    double? VotesConfigured,
    int Series,
    IReadOnlyList<NodeDto> Nodes,
    int FiringAlerts,
    int PendingAlerts);

/// <summary>A node of a cluster: its membership state as its peers report it, and its own last report.</summary>
public sealed record NodeDto(string Node, string State, DateTimeOffset? LastSelfReport);
