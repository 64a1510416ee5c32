namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_ResourceGroup: who owns the cluster core group ("Cluster Group").</summary>
internal sealed record ResourceGroupRecord
{
    public string Name { get; init; } = string.Empty;

    public string? OwnerNode { get; init; }

    public bool IsCoreGroup { get; init; }
}
