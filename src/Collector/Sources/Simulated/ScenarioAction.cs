namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>What a scenario event does (its YAML key).</summary>
internal enum ScenarioAction
{
    /// <summary><c>node-down: node-2</c>: the node fails.</summary>
    NodeDown,

    /// <summary><c>node-up: node-2</c>: the node returns; the data changed meanwhile resyncs.</summary>
    NodeUp,

    /// <summary><c>node-pause: node-2</c>: the node is paused and drained (its VMs live-migrate away), for maintenance.</summary>
    NodePause,

    /// <summary><c>node-resume: node-2</c>: the node is resumed and its VMs fail back.</summary>
    NodeResume,

    /// <summary><c>witness: failed</c>: the witness becomes unreachable.</summary>
    WitnessFail,

    /// <summary><c>witness: ok</c>: the witness is reachable again.</summary>
    WitnessRestore,

    /// <summary><c>drive-fail: node-2</c> (or <c>{node: node-2, drive: 3}</c>): a capacity drive fails; retired after retire-after, then rebuilt into the reserve.</summary>
    DriveFail,

    /// <summary><c>drive-replace: node-2</c>: the failed drive is replaced; anything not yet rebuilt rebuilds onto the new drive.</summary>
    DriveReplace,

    /// <summary><c>partition: [node-3]</c>: the listed nodes lose the cluster and storage networks to the others.</summary>
    Partition,

    /// <summary><c>partition: heal</c>: the networks are whole again.</summary>
    PartitionHeal,
}
