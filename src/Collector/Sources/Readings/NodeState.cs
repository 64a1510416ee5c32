namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>Cluster membership of a node (MSCluster_Node.State). Order matches <c>MetricCatalog.States.Node</c>.</summary>
internal enum NodeState
{
    Up,
    Down,
    Paused,
    Joining,
    Unknown,
}
