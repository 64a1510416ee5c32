using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// One simulated S2D cluster. Scenario events change its state (<see cref="Apply"/>); everything else — repair
/// progress, drive retirement, drain, growth, measurements — is a function of the scenario time, so
/// <see cref="Read"/> never reads a clock and two instances fed the same scenario agree at the same time (one agent
/// per node stays consistent). Not thread-safe: <see cref="SimulatedSource"/> serializes access.
/// </summary>
internal sealed class SimulatedCluster
{
    /// <summary>Scenario time one VM's live migration takes while a node drains.</summary>
    public static readonly TimeSpan LiveMigrationTime = TimeSpan.FromSeconds(8);

    private readonly ClusterSpec _spec;
    private readonly NodeState[] _states;
    private readonly TimeSpan?[] _drainStart;
    private readonly bool[] _isolated;
    private readonly GrowthCurve _growth;
    private readonly StorageModel _storage;
    private readonly NodeMeasurements _measurements;
    private readonly int[] _capacity;
    private readonly int[] _kept;
    private readonly bool[] _hosts;
    private readonly Impairments _impairments;
    private readonly bool[] _pausedWhenDown;

    // Routine operations by scenario time (pause = drain, resume, volume created or resized); drive retirements come
    // from the storage model.
    private readonly List<(TimeSpan At, string Operation, string Subject)> _operations = [];

    /// <summary>How long a finished routine operation is reported (the informational alert's lifetime).</summary>
    public static readonly TimeSpan OperationWindow = TimeSpan.FromHours(1);
    private TimeSpan? _siteCutAt;
    private WitnessState _witness = WitnessState.Ok;
    private QuorumView _quorum;

    public SimulatedCluster(Scenario scenario)
        : this(scenario, scenario.Clusters[0], 0)
    {
    }

    /// <param name="clusterIndex">Position in a fleet, so clusters of one seed do not share noise.</param>
    public SimulatedCluster(Scenario scenario, ClusterSpec spec, int clusterIndex)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _states = new NodeState[spec.Nodes];
        _drainStart = new TimeSpan?[spec.Nodes];
        _isolated = new bool[spec.Nodes];
        _capacity = new int[spec.Nodes];
        _kept = new int[spec.Nodes];
        _hosts = new bool[spec.Nodes];
        _growth = new GrowthCurve(scenario.Growth, spec, scenario.Seed, clusterIndex);
        _storage = new StorageModel(spec, scenario, _growth);
        _impairments = new Impairments(spec);
        _pausedWhenDown = new bool[spec.Nodes];
        _measurements = new NodeMeasurements(spec, scenario.Seed, clusterIndex, scenario.RepairBytesPerSecondFor(spec), _impairments);
        _quorum = QuorumCalculator.Compute(spec, _states, _isolated, _witness);
    }

    public ClusterSpec Spec => _spec;

    public int VotesConfigured => _quorum.VotesConfigured;

    public int VotesPresent => _quorum.VotesPresent;

    public bool HasQuorum => _quorum.HasQuorum;

    /// <summary>The node's membership as the cluster reports it (a node cut off by a partition is down to the others).</summary>
    public NodeState StateOf(string node) => Reported(Index(node));

    /// <summary>Applies one event at its scenario time and returns the state changes it caused (none if it changed nothing).</summary>
    public IReadOnlyList<StateChange> Apply(ScenarioEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(e);
        var before = new NodeState[_states.Length];
        for (var i = 0; i < before.Length; i++)
        {
            before[i] = Reported(i);
        }

        var hadQuorum = _quorum.HasQuorum;
        var witnessBefore = _witness;
        var now = e.At;
        var index = e.Node is null ? -1 : Index(e.Node);
        switch (e.Action)
        {
            case ScenarioAction.NodeDown:
                _pausedWhenDown[index] = _states[index] == NodeState.Paused;
                _states[index] = NodeState.Down;
                _drainStart[index] = null;
                break;
            case ScenarioAction.NodeUp when _states[index] == NodeState.Down:
                _states[index] = NodeState.Up;
                break;
            case ScenarioAction.NodeRebooted when _states[index] == NodeState.Down:
                // A maintenance reboot: the node rejoins still paused (drained long ago) until node-resume.
                _states[index] = _pausedWhenDown[index] ? NodeState.Paused : NodeState.Up;
                _drainStart[index] = _pausedWhenDown[index] ? now - TimeSpan.FromDays(1) : null;
                break;
            case ScenarioAction.NodePause when _states[index] == NodeState.Up:
                _states[index] = NodeState.Paused;
                _drainStart[index] = now;
                _operations.Add((now, "node_drained", e.Node!));
                break;
            case ScenarioAction.NodeResume when _states[index] == NodeState.Paused:
                _states[index] = NodeState.Up;
                _drainStart[index] = null;
                _operations.Add((now, "node_resumed", e.Node!));
                break;
            case ScenarioAction.VolumeCreated:
                _operations.Add((now, "volume_created", e.Volume!));
                break;
            case ScenarioAction.VolumeResized:
                _operations.Add((now, "volume_resized", e.Volume!));
                break;
            case ScenarioAction.WitnessFail:
                _witness = WitnessState.Failed;
                break;
            case ScenarioAction.WitnessRestore:
                _witness = WitnessState.Ok;
                break;
            case ScenarioAction.DriveFail:
                _storage.FailDrive(index, e.Drive, now);
                break;
            case ScenarioAction.DriveReplace:
                _storage.ReplaceDrive(index, e.Drive, now);
                break;
            case ScenarioAction.Partition:
                for (var i = 0; i < _isolated.Length; i++)
                {
                    _isolated[i] = e.Nodes.Contains(_spec.NodeNames[i]);
                }

                break;
            case ScenarioAction.PartitionHeal:
                Array.Clear(_isolated);
                break;
            case ScenarioAction.SiteLinkCut when _siteCutAt is null:
                // The later sites lose the first one; the witness decides which side keeps the cluster (QuorumCalculator).
                for (var i = 0; i < _isolated.Length; i++)
                {
                    _isolated[i] = !_spec.InPrimarySite(i);
                }

                _siteCutAt = now;
                _impairments.Apply(e, index);
                break;
            case ScenarioAction.SiteLinkRestore when _siteCutAt is not null:
                Array.Clear(_isolated);
                _siteCutAt = null;
                _impairments.Apply(e, index);
                break;
            default:
                _impairments.Apply(e, index);
                break;
        }

        _quorum = QuorumCalculator.Compute(_spec, _states, _isolated, _witness);
        return Changes(before, hadQuorum, witnessBefore, now, at);
    }

    /// <summary>What the cluster reports at scenario time <paramref name="now"/>.</summary>
    /// <param name="reporter">
    /// Null: one process reports every node. A node name: that node's agent, which reports its own measurements, its
    /// peers' membership and the cluster-scope facts — or nothing if it is down or cut off from the cluster.
    /// </param>
    public ClusterReading Read(TimeSpan now, string? reporter = null)
    {
        var self = reporter is null ? -1 : Index(reporter);
        if (self >= 0 && !_quorum.Member[self])
        {
            return ClusterReading.Empty;
        }

        var storage = _storage.Read(now, _quorum);
        var vms = PlaceVms(now, out var vmMemory);
        var moment = new ClusterMoment(vms, vmMemory, _growth.Load(now), _growth.LoadIntegral(now), _quorum.Member, storage);
        var nodes = new NodeReading[_spec.Nodes];
        for (var i = 0; i < nodes.Length; i++)
        {
            var state = Reported(i);
            var metrics = state == NodeState.Down || (self >= 0 && self != i) ? null : _measurements.For(i, now, moment);
            nodes[i] = new NodeReading(_spec.NodeNames[i], state, Drain(i, now, vms[i]), metrics);
        }

        return new ClusterReading(nodes, Facts(storage, now));
    }

    private ClusterFacts Facts(StorageSnapshot storage, TimeSpan now)
    {
        var witnessState = _spec.Witness == WitnessType.None ? WitnessState.Ok : _witness;
        var away = _spec.Nodes - _quorum.Members;
        var needRepair = storage.Volumes.Count(v => v.Operational != OperationalState.Ok);
        return new ClusterFacts
        {
            HasQuorum = _quorum.HasQuorum,
            VotesConfigured = _quorum.VotesConfigured,
            VotesPresent = _quorum.VotesPresent,
            WitnessType = _spec.Witness,
            WitnessState = witnessState,
            WitnessLatencySeconds = _impairments.Witness(witnessState),
            SiteLatencies = _impairments.Sites(),
            Operations = [.. _operations.Concat(_storage.Retirements().Select(r => (At: r.At, Operation: "drive_retired", Subject: r.Drive)))
                .Where(o => o.At <= now && now - o.At < OperationWindow).Select(o => (o.Operation, o.Subject)).Distinct()],
            Replication = _impairments.Replication(_siteCutAt is null, _siteCutAt is { } cut ? (now - cut).TotalSeconds : 0),
            Pools = [storage.Pool],
            Volumes = storage.Volumes,
            RepairJobs = storage.Jobs,
            Faults =
            [
                .. _impairments.InjectedFaults,
                new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", away),
                new FaultCount("critical", "Microsoft.Health.FaultType.ClusterQuorumWitness.Error", _spec.Witness != WitnessType.None && _witness == WitnessState.Failed ? 1 : 0),
                new FaultCount("info", "Microsoft.Health.FaultType.VirtualDisks.NeedsRepair", needRepair),
                new FaultCount("critical", "Microsoft.Health.FaultType.PhysicalDisk.FailedMedia", storage.UnhealthyDrives + _impairments.FailedCacheDrives.Sum()),
                new FaultCount("warning", "Microsoft.Health.FaultType.StoragePool.InsufficientReserveCapacity", storage.CannotHeal),
                new FaultCount("warning", "Microsoft.Health.FaultType.PhysicalDisk.HighLatency.AverageIO", _impairments.SlowDiskSeconds.Count(s => s is not null)),
            ],
        };
    }

    // VMs run on up members only (paused nodes drain); without quorum the cluster stops and so do they.
    private int[] PlaceVms(TimeSpan now, out long vmMemory)
    {
        vmMemory = Math.Max(1, _growth.VmMemoryBytes(now));
        var placed = new int[_spec.Nodes];
        if (!_quorum.HasQuorum)
        {
            return placed;
        }

        var total = _growth.VmCount(now);
        var fairShare = (total + _spec.Nodes - 1) / _spec.Nodes;
        for (var i = 0; i < _spec.Nodes; i++)
        {
            _capacity[i] = (int)Math.Max(0, (_spec.MemoryPerNodeBytes - _spec.HostMemoryBytes) / vmMemory);
            _hosts[i] = _quorum.Member[i] && _states[i] == NodeState.Up;
            _kept[i] = _quorum.Member[i] && _drainStart[i] is { } start
                ? (int)Math.Max(0, fairShare - Math.Floor((now - start) / LiveMigrationTime))
                : 0;
        }

        VmPlacement.Place(total, _capacity, _hosts, _kept, placed);
        return placed;
    }

    private DrainState Drain(int node, TimeSpan now, int vmsLeft) =>
        _states[node] != NodeState.Paused || _drainStart[node] is null ? DrainState.None
        : vmsLeft > 0 && now >= _drainStart[node] ? DrainState.InProgress
        : DrainState.Completed;

    private NodeState Reported(int node) => _quorum.Member[node] || _states[node] == NodeState.Down ? _states[node] : NodeState.Down;

    private int Index(string node)
    {
        for (var i = 0; i < _spec.NodeNames.Count; i++)
        {
            if (_spec.NodeNames[i] == node)
            {
                return i;
            }
        }

        throw new ArgumentException($"Cluster {_spec.Name} has no node '{node}'.", nameof(node));
    }

    private List<StateChange> Changes(NodeState[] before, bool hadQuorum, WitnessState witnessBefore, TimeSpan now, DateTimeOffset at)
    {
        var changes = new List<StateChange>();
        for (var i = 0; i < before.Length; i++)
        {
            var after = Reported(i);
            if (after == before[i])
            {
                continue;
            }

            var name = _spec.NodeNames[i];
            if (after == NodeState.Down)
            {
                _storage.NodeLeft(i, now);
                changes.Add(new(StateChangeKind.NodeDown, name, at));
            }
            else if (before[i] == NodeState.Down)
            {
                _storage.NodeReturned(i, now);
                changes.Add(new(StateChangeKind.NodeUp, name, at));
            }
            else
            {
                changes.Add(new(after == NodeState.Paused ? StateChangeKind.NodePaused : StateChangeKind.NodeResumed, name, at));
            }
        }

        if (_spec.Witness != WitnessType.None && witnessBefore != _witness)
        {
            changes.Add(new(_witness == WitnessState.Failed ? StateChangeKind.WitnessFailed : StateChangeKind.WitnessRestored, "witness", at));
        }

        if (hadQuorum != _quorum.HasQuorum)
        {
            changes.Add(new(_quorum.HasQuorum ? StateChangeKind.QuorumRegained : StateChangeKind.QuorumLost, "cluster", at));
        }

        return changes;
    }
}
