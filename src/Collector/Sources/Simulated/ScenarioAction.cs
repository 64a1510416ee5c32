namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>What a scenario event does (its YAML key).</summary>
internal enum ScenarioAction
{
    /// <summary><c>node-down: node-2</c>: the node fails.</summary>
    NodeDown,

    /// <summary><c>node-up: node-2</c>: the node returns; its data resyncs.</summary>
    NodeUp,

    /// <summary><c>node-pause: node-2</c>: the node is paused and drained (planned maintenance).</summary>
    NodePause,

    /// <summary><c>node-resume: node-2</c>: the node is resumed.</summary>
    NodeResume,

    /// <summary><c>witness: failed</c>: the witness becomes unreachable.</summary>
    WitnessFail,

    /// <summary><c>witness: ok</c>: the witness is reachable again.</summary>
    WitnessRestore,
}
