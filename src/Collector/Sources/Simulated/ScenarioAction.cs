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

    /// <summary><c>witness-latency: 400ms</c> (or <c>normal</c>): round trip to the witness.</summary>
    WitnessLatency,

    /// <summary><c>site-link: cut</c>: the link between the sites of a stretched cluster is down (the later sites are cut off).</summary>
    SiteLinkCut,

    /// <summary><c>site-link: ok</c>: the inter-site link is whole and at its normal latency.</summary>
    SiteLinkRestore,

    /// <summary><c>site-link: 8ms</c>: the inter-site link is up with this round trip.</summary>
    SiteLinkLatency,

    /// <summary><c>replication-lag: 75m</c> (or <c>normal</c>): the replication destination falls this far behind.</summary>
    ReplicationLag,

    /// <summary><c>network-latency: {network: storage, latency: 2ms}</c> (latency <c>normal</c> to restore): a network segment's round trip.</summary>
    NetworkLatency,

    /// <summary><c>slow-disk: {node: node-2, latency: 40ms}</c> (latency <c>normal</c> to restore): a capacity drive of the node answers slowly.</summary>
    SlowDisk,

    /// <summary><c>cache-drive-fail: node-2</c>: a cache drive fails; its capacity drives are unbound from the cache (reads miss).</summary>
    CacheDriveFail,

    /// <summary><c>cache-drive-replace: node-2</c>: the cache drive is replaced and the capacity drives are bound again.</summary>
    CacheDriveReplace,

    /// <summary><c>health-fault: {type: PhysicalDisk.LostCommunication, severity: critical, count: 1}</c>: the Health Service raises (count 0: clears) a fault the model does not otherwise produce.</summary>
    HealthFault,

    /// <summary>
    /// <c>node-reboot: node-2</c> (or <c>{node: node-2, for: 5m}</c>, default 3 min): the node restarts — down, then up
    /// after the restart time. After <c>node-pause</c> it is a maintenance reboot (the node stays paused until resumed).
    /// Expanded by the parser into node-down and node-up.
    /// </summary>
    NodeReboot,

    /// <summary>The second half of a node-reboot (not a YAML key): the node is back, still paused if it was paused before.</summary>
    NodeRebooted,

    /// <summary>
    /// <c>volume-create: UserStorage_1</c>: the named volume of the topology has just been created (a routine operation,
    /// volume_created, reported for an hour). The topology's volumes exist from the start: the event records the
    /// operation, it does not add capacity.
    /// </summary>
    VolumeCreated,

    /// <summary><c>volume-resize: UserStorage_1</c>: the named volume has just been resized (routine operation volume_resized); its size is unchanged.</summary>
    VolumeResized,
}
