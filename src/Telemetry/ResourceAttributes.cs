namespace AzLocalMonitor.Telemetry;

/// <summary>Resource and data-point attribute keys that carry identity (docs/reference/metrics.md).</summary>
public static class ResourceAttributes
{
    /// <summary>Resource attribute naming the cluster.</summary>
    public const string Cluster = "azlocal.cluster";

    /// <summary>Resource attribute naming the reporting node (OpenTelemetry semantic convention).</summary>
    public const string HostName = "host.name";

    /// <summary>Data-point attribute naming the cluster; wins over the resource attribute.</summary>
    public const string ClusterLabel = "cluster";

    /// <summary>Data-point attribute naming the node a node-scope point is about; wins over <c>host.name</c>.</summary>
    public const string NodeLabel = "node";
}
