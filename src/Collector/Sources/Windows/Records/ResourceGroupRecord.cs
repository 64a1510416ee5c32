namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_ResourceGroup: who owns the cluster core group ("Cluster Group").</summary>
internal sealed record ResourceGroupRecord
{
    public string Name { get; init; } = string.Empty;

    public string? OwnerNode { get; init; }

    /// <summary>CIM property <c>IsCore</c> (PowerShell's Get-ClusterGroup calls it IsCoreGroup): true for "Cluster Group"
    /// and also for "Available Storage", so not enough on its own.</summary>
    public bool IsCore { get; init; }

    /// <summary>1 Cluster (the core "Cluster Group"), 2 Available Storage, 111 Virtual Machine, ...</summary>
    public int GroupType { get; init; }
}
