using System.Collections.Frozen;
using static AzLocalMonitor.Telemetry.MetricKind;
using static AzLocalMonitor.Telemetry.MetricScope;

namespace AzLocalMonitor.Telemetry;

/// <summary>The metric catalog of docs/reference/metrics.md. Rules uses it for scope (node label) and exposition names.</summary>
public static class MetricCatalog
{
    /// <summary>Every catalog instrument, in the order of docs/reference/metrics.md.</summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Instruments.NodeCpuUtilization, Node, "1", Gauge, "Host CPU busy, 0..1 (Hyper-V LP % Total Run Time).", []),
        new(Instruments.NodeMemoryUtilization, Node, "1", Gauge, "Used / total physical memory.", []),
        new(Instruments.NodeMemorySize, Node, "By", Gauge, "Physical memory of the node.", []),
        new(Instruments.NodeMemoryAvailable, Node, "By", Gauge, "Available physical memory of the node.", []),
        new(Instruments.NodeState, Node, "", Gauge, "Cluster membership state (1 for the current state).", ["state"]),
        new(Instruments.NodeDrain, Node, "", Gauge, "Node drain status (1 for the current state).", ["state"]),
        new(Instruments.NodeVmCount, Node, "{vm}", Gauge, "Running VMs on the node.", []),
        new(Instruments.NetworkLatency, Node, "s", Gauge, "Round trip to each peer on each network.", ["network", "peer"]),
        new(Instruments.NetworkThroughput, Node, "By/s", Gauge, "Network throughput per network and direction.", ["network", "direction"]),
        new(Instruments.StorageCacheHitRatio, Node, "1", Gauge, "S2D cache read hits / (hits + misses).", []),
        new(Instruments.StorageLatency, Node, "s", Gauge, "CSVFS average seconds per read or write.", ["op", "volume"]),
        new(Instruments.StorageOperations, Node, "{op}", Counter, "I/O operations (rate = IOPS).", ["op"]),
        new(Instruments.ClusterQuorum, Cluster, "", Gauge, "1 while the cluster has quorum.", []),
        new(Instruments.ClusterVotesConfigured, Cluster, "{vote}", Gauge, "Votes configured (nodes + witness).", []),
        new(Instruments.ClusterVotesPresent, Cluster, "{vote}", Gauge, "Votes currently present.", []),
        new(Instruments.ClusterWitnessState, Cluster, "", Gauge, "Witness state (1 for the current state).", ["type", "state"]),
        new(Instruments.StoragePoolSize, Cluster, "By", Gauge, "Storage pool raw size.", ["pool"]),
        new(Instruments.StoragePoolAllocated, Cluster, "By", Gauge, "Storage pool allocated bytes.", ["pool"]),
        new(Instruments.StoragePoolHealth, Cluster, "", Gauge, "Storage pool health (1 for the current state).", ["pool", "state"]),
        new(Instruments.StorageVolumeSize, Cluster, "By", Gauge, "Volume size.", ["volume", "resiliency"]),
        new(Instruments.StorageVolumeUsed, Cluster, "By", Gauge, "Volume used bytes.", ["volume", "resiliency"]),
        new(Instruments.StorageVolumeHealth, Cluster, "", Gauge, "Volume health (1 for the current state).", ["volume", "state"]),
        new(Instruments.StorageVolumeOperational, Cluster, "", Gauge, "Volume operational state (1 for the current state).", ["volume", "state"]),
        new(Instruments.StorageDiskCount, Node, "{disk}", Gauge, "Physical disks by media, usage and state.", ["media", "usage", "state"]),
        new(Instruments.StorageRepairSize, Cluster, "By", Gauge, "Total bytes of a repair/regeneration job, running or waiting.", ["job", "state"]),
        new(Instruments.StorageRepairProcessed, Cluster, "By", Gauge, "Bytes processed by a repair/regeneration job, running or waiting.", ["job", "state"]),
        new(Instruments.StorageDegraded, Node, "By", Gauge, "Bytes awaiting resync on the node.", []),
        new(Instruments.HealthFaults, Cluster, "{fault}", Gauge, "Active Health Service faults.", ["severity", "type"]),
        new(Instruments.ClusterWitnessLatency, Cluster, "s", Gauge, "Round trip to the witness (cloud: the storage account endpoint; file share: the SMB share); absent while unreachable.", ["type"]),
        new(Instruments.ClusterSiteLatency, Cluster, "s", Gauge, "Round trip between two sites of a stretched cluster; absent while the link is down.", ["site", "peer_site"]),
        new(Instruments.ReplicationLag, Cluster, "s", Gauge, "How far a replication group's destination is behind its source (the data a site loss would lose).", ["group", "partner", "mode"]),
        new(Instruments.ReplicationState, Cluster, "", Gauge, "Replication group status (1 for the current state).", ["group", "partner", "mode", "state"]),
        new(Instruments.ClusterOperations, Cluster, "{operation}", Gauge, "Routine operations finished within the last hour (1 per operation, reported for an hour after it).", ["operation", "subject"]),
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ByInstrument =
        All.ToFrozenDictionary(d => d.Instrument, StringComparer.Ordinal);

    /// <summary>Looks up a catalog instrument by its OpenTelemetry name.</summary>
    public static bool TryGet(string instrument, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetricDefinition? definition) =>
        ByInstrument.TryGetValue(instrument, out definition);

    /// <summary>State-set values (docs/reference/metrics.md). Reporters emit 1 for the current state and 0 for the others.</summary>
    public static class States
    {
        public static IReadOnlyList<string> Node { get; } = ["up", "down", "paused", "joining", "unknown"];
        public static IReadOnlyList<string> Drain { get; } = ["none", "in_progress", "completed", "failed"];
        public static IReadOnlyList<string> Health { get; } = ["healthy", "warning", "unhealthy", "unknown"];
        public static IReadOnlyList<string> VolumeOperational { get; } = ["ok", "degraded", "incomplete", "in_service", "detached", "no_redundancy"];
        public static IReadOnlyList<string> Witness { get; } = ["ok", "failed"];
        public static IReadOnlyList<string> DiskState { get; } = ["healthy", "warning", "unhealthy", "retired"];
        /// <summary>Routine operations (the module's informational tier) reported by azlocal.cluster.operations.</summary>
        public static IReadOnlyList<string> Operations { get; } = ["drive_retired", "node_drained", "node_resumed", "volume_created", "volume_resized", "storage_job_finished"];

        public static IReadOnlyList<string> Replication { get; } = ["in_sync", "initial_sync", "waiting_for_destination", "suspended", "failed", "unknown"];
    }
}
