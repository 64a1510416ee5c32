using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// A small S2D cluster model: node membership, votes and quorum, a pool, one three-way-mirror volume per node
/// and the repair jobs of absent nodes. It is driven by scenario events and read at a scenario time, and never
/// reads a clock itself. Not thread-safe: <see cref="SimulatedSource"/> serializes access.
/// </summary>
/// <remarks>
/// Simplifications, until the full simulator replaces this: quorum is a plain majority of configured votes
/// (no dynamic quorum); a down node's VMs move to the remaining running nodes at once; without quorum the
/// cluster stops, so its volumes go offline (detached) and no VM runs.
/// </remarks>
internal sealed class SimulatedCluster
{
    private const long CapacityDriveBytes = 3_840_000_000_000;
    private const int CapacityDrivesPerNode = 4;
    private const long VolumeBytes = 2L << 40;

    private readonly Scenario _scenario;
    private readonly string[] _names;
    private readonly NodeState[] _states;
    private readonly Dictionary<string, Resync> _resyncs = new(StringComparer.Ordinal);
    private WitnessState _witness = WitnessState.Ok;

    public SimulatedCluster(Scenario scenario)
    {
        _scenario = scenario;
        _names = [.. scenario.NodeNames];
        _states = new NodeState[_names.Length];
    }

    public int VotesConfigured => _names.Length + (_scenario.Witness == WitnessType.None ? 0 : 1);

    public int VotesPresent =>
        _states.Count(s => s != NodeState.Down) + (_scenario.Witness != WitnessType.None && _witness == WitnessState.Ok ? 1 : 0);

    /// <summary>Majority of configured votes present.</summary>
    public bool HasQuorum => VotesPresent * 2 > VotesConfigured;

    public NodeState StateOf(string node) => _states[Array.IndexOf(_names, node)];

    /// <summary>Applies one event at its scenario time and returns the state changes it caused (none if it changed nothing).</summary>
    public IReadOnlyList<StateChange> Apply(ScenarioEvent e, DateTimeOffset at)
    {
        var changes = new List<StateChange>();
        var hadQuorum = HasQuorum;
        var index = e.Node is null ? -1 : Array.IndexOf(_names, e.Node);
        var now = e.At;
        switch (e.Action)
        {
            case ScenarioAction.NodeDown when _states[index] != NodeState.Down:
                _states[index] = NodeState.Down;
                NodeWentDown(_names[index], now);
                changes.Add(new(StateChangeKind.NodeDown, _names[index], at));
                break;
            case ScenarioAction.NodeUp when _states[index] == NodeState.Down:
                _states[index] = NodeState.Up;
                if (_resyncs.TryGetValue(_names[index], out var resync))
                {
                    resync.ResyncFrom = now;
                }

                changes.Add(new(StateChangeKind.NodeUp, _names[index], at));
                break;
            case ScenarioAction.NodePause when _states[index] == NodeState.Up:
                _states[index] = NodeState.Paused;
                changes.Add(new(StateChangeKind.NodePaused, _names[index], at));
                break;
            case ScenarioAction.NodeResume when _states[index] == NodeState.Paused:
                _states[index] = NodeState.Up;
                changes.Add(new(StateChangeKind.NodeResumed, _names[index], at));
                break;
            case ScenarioAction.WitnessFail when _witness == WitnessState.Ok:
                _witness = WitnessState.Failed;
                changes.Add(new(StateChangeKind.WitnessFailed, "witness", at));
                break;
            case ScenarioAction.WitnessRestore when _witness == WitnessState.Failed:
                _witness = WitnessState.Ok;
                changes.Add(new(StateChangeKind.WitnessRestored, "witness", at));
                break;
        }

        if (hadQuorum != HasQuorum)
        {
            changes.Add(new(HasQuorum ? StateChangeKind.QuorumRegained : StateChangeKind.QuorumLost, "cluster", at));
        }

        return changes;
    }

    /// <summary>What any running node of the cluster sees at scenario time <paramref name="now"/>.</summary>
    public ClusterReading Read(TimeSpan now)
    {
        var jobs = ActiveResyncs(now).ToList();
        var volumeHealth = VolumeState(jobs);
        var measurements = new SimulatedMeasurements(_scenario.Seed, _names, _states, HasQuorum, volumeHealth.Operational != OperationalState.Ok);
        var remainingBytes = jobs.Sum(j => j.Size(now) - j.Processed(now, _scenario.RebuildBytesPerSecond));

        var nodes = new NodeReading[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            var drain = _states[i] == NodeState.Paused ? DrainState.Completed : DrainState.None;
            var metrics = _states[i] == NodeState.Down ? null : measurements.For(i, now, remainingBytes);
            nodes[i] = new NodeReading(_names[i], _states[i], drain, metrics);
        }

        return new ClusterReading(nodes, Facts(now, jobs, volumeHealth));
    }

    private ClusterFacts Facts(TimeSpan now, List<Resync> jobs, (HealthState Health, OperationalState Operational) volume)
    {
        var copies = _names.Length switch { >= 3 => 3, 2 => 2, _ => 1 };
        var resiliency = copies switch { 3 => "three_way_mirror", 2 => "two_way_mirror", _ => "simple" };

        // Volumes fill slowly (1 MB per scenario second) so capacity panels have a slope to draw.
        var used = Math.Min((long)(VolumeBytes * 0.95), (long)(VolumeBytes * 0.45) + (long)(now.TotalSeconds * 1_000_000));
        var volumes = _names.Select((_, i) => new VolumeReading($"volume-{i + 1}", resiliency, VolumeBytes, used, volume.Health, volume.Operational)).ToList();

        var poolHealth = !HasQuorum ? HealthState.Unknown : volume.Health;
        var poolSize = _names.Length * CapacityDrivesPerNode * CapacityDriveBytes;
        var pool = new PoolReading("S2D", poolSize, volumes.Count * VolumeBytes * copies, poolHealth);

        var downNodes = _states.Count(s => s == NodeState.Down);
        return new ClusterFacts
        {
            HasQuorum = HasQuorum,
            VotesConfigured = VotesConfigured,
            VotesPresent = VotesPresent,
            WitnessType = _scenario.Witness,
            WitnessState = _witness,
            Pools = [pool],
            Volumes = volumes,
            RepairJobs = [.. jobs.Select(j => new RepairJob($"repair-{j.Node}", j.Size(now), j.Processed(now, _scenario.RebuildBytesPerSecond)))],
            Faults =
            [
                new FaultCount("critical", "Microsoft.Health.FaultType.Server.Down", downNodes),
                new FaultCount("critical", "Microsoft.Health.FaultType.ClusterQuorumWitness.Error", _witness == WitnessState.Failed ? 1 : 0),
                new FaultCount("info", "Microsoft.Health.FaultType.VirtualDisks.NeedsRepair", volume.Operational == OperationalState.Ok ? 0 : volumes.Count),
            ],
        };
    }

    private (HealthState Health, OperationalState Operational) VolumeState(List<Resync> jobs)
    {
        if (!HasQuorum)
        {
            return (HealthState.Unhealthy, OperationalState.Detached);
        }

        if (_states.Contains(NodeState.Down))
        {
            return (HealthState.Warning, OperationalState.Degraded);
        }

        return jobs.Count > 0 ? (HealthState.Warning, OperationalState.InService) : (HealthState.Healthy, OperationalState.Ok);
    }

    private IEnumerable<Resync> ActiveResyncs(TimeSpan now) =>
        _resyncs.Values.Where(r => !r.IsDone(now, _scenario.RebuildBytesPerSecond)).OrderBy(r => r.Node, StringComparer.Ordinal);

    private void NodeWentDown(string node, TimeSpan now)
    {
        if (_resyncs.TryGetValue(node, out var previous))
        {
            // Down again before its resync finished: what was not copied back is still owed.
            var owed = previous.Size(now) - previous.Processed(now, _scenario.RebuildBytesPerSecond);
            previous.CarriedBytes = owed > 0 ? owed : 0;
            previous.DownAt = now;
            previous.ResyncFrom = null;
            return;
        }

        _resyncs[node] = new Resync { Node = node, DownAt = now };
    }
}
