namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\MSCluster MSCluster_NetworkInterface: which node's adapter is on which cluster network.</summary>
internal sealed record NetworkInterfaceRecord
{
    public string Node { get; init; } = string.Empty;

    public string Network { get; init; } = string.Empty;

    public string? Adapter { get; init; }

    public string? AdapterId { get; init; }
}
