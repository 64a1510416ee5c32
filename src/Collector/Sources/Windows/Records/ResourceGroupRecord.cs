namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_ResourceGroup: who owns the cluster core group ("Cluster Group").</summary>
internal sealed record ResourceGroupRecord
{
    public string Name { get; init; } = string.Empty;

    public string? OwnerNode { get; init; }

    /// <summary>True for "Cluster Group" and also for "Available Storage": not enough on its own.</summary>
    public bool IsCoreGroup { get; init; }

    /// <summary>1 Cluster (the core "Cluster Group"), 2 Available Storage, 111 Virtual Machine, ...</summary>
    public int GroupType { get; init; }
}
