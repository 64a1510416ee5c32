namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>
/// Everything a source sees at one instant: every node it knows of (a node reports its peers' membership,
/// because a down node cannot report itself) and, when it knows them, the cluster-scope facts.
/// </summary>
/// <param name="Cluster">Null for sources that see no cluster (the Linux host source).</param>
internal sealed record ClusterReading(IReadOnlyList<NodeReading> Nodes, ClusterFacts? Cluster)
{
    /// <summary>
    /// Windows: whether this node could query its cluster (root\MSCluster answered). False means it reports no
    /// cluster facts at all (exported as the agent's azlm.agent.cluster.queryable, never as quorum lost); null for
    /// sources without a cluster service.
    /// </summary>
    public bool? ClusterQueryable { get; init; }

    public static ClusterReading Empty { get; } = new([], null);
}
