using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Model;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Runs a <see cref="Scenario"/> against one <see cref="SimulatedCluster"/> on a <see cref="TimeProvider"/>:
/// a timer fires at each event's time (scaled), applies it and raises <see cref="StateChanged"/>, so a
/// node failure is exported at once instead of at the next interval. Reads also apply any event that is due,
/// so a reading never shows a state older than the clock.
/// </summary>
/// <remarks>
/// One agent per node: give each the same scenario, the same <c>epoch</c> (the instant scenario time 0 maps to) and
/// its own <c>reporter</c>; since the model is a function of the scenario time and seed, every agent computes the same
/// cluster state and their cluster-scope reports agree.
/// </remarks>
internal sealed class SimulatedSource : IMetricSource
{
    private readonly SimulatedCluster _cluster;
    private readonly ScenarioEvent[] _events;
    private readonly TimeProvider _time;
    private readonly double _timeScale;
    private readonly string _name;
    private readonly string? _reporter;
    private readonly DateTimeOffset? _epoch;
    private readonly Lock _lock = new();
    private DateTimeOffset _start;
    private int _nextEvent;
    private ITimer? _timer;

    /// <param name="timeScale">Scenario seconds per real second (10 runs a 60 s scenario in 6 s).</param>
    public SimulatedSource(Scenario scenario, double timeScale, TimeProvider time, string name)
        : this(scenario, timeScale, time, name, clusterIndex: 0, reporter: null, epoch: null)
    {
    }

    /// <param name="clusterIndex">Which cluster of the scenario (fleets have several).</param>
    /// <param name="reporter">Null to report every node; a node name to report as that node's agent.</param>
    /// <param name="epoch">The instant scenario time 0 maps to; null for <see cref="Start"/>'s time.</param>
    public SimulatedSource(Scenario scenario, double timeScale, TimeProvider time, string name, int clusterIndex, string? reporter, DateTimeOffset? epoch)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        var spec = scenario.Clusters[clusterIndex];
        if (reporter is not null && !spec.NodeNames.Contains(reporter))
        {
            throw new ArgumentException($"Cluster {spec.Name} has no node '{reporter}' (it has {string.Join(", ", spec.NodeNames)}).", nameof(reporter));
        }

        _cluster = new SimulatedCluster(scenario, spec, clusterIndex);
        _events = [.. scenario.Events.Where(e => e.Cluster is null || e.Cluster == spec.Name)];
        _time = time;
        _timeScale = timeScale;
        _name = name;
        _reporter = reporter;
        _epoch = epoch;
    }

    public event EventHandler<StateChange>? StateChanged;

    public string Description =>
        $"simulated ({_name}: {_cluster.Spec.Name}, {_cluster.Spec.Nodes} nodes, witness {StateNames.Of(_cluster.Spec.Witness)}, "
        + $"{_events.Length} events, time x{_timeScale}{(_reporter is null ? string.Empty : $", as {_reporter}")})";

    public void Start()
    {
        lock (_lock)
        {
            _start = _epoch ?? _time.GetUtcNow();
            _timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            ScheduleNextLocked();
        }
    }

    public ClusterReading Read()
    {
        IReadOnlyList<StateChange> changes;
        ClusterReading reading;
        lock (_lock)
        {
            changes = ApplyDueLocked();
            reading = _cluster.Read(ScenarioTimeLocked(), _reporter);
        }

        Raise(changes);
        return reading;
    }

    public ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }

        return ValueTask.CompletedTask;
    }

    private void OnTimer()
    {
        IReadOnlyList<StateChange> changes;
        lock (_lock)
        {
            if (_timer is null)
            {
                return;
            }

            changes = ApplyDueLocked();
            ScheduleNextLocked();
        }

        Raise(changes);
    }

    private List<StateChange> ApplyDueLocked()
    {
        var changes = new List<StateChange>();
        var now = ScenarioTimeLocked();
        while (_nextEvent < _events.Length && _events[_nextEvent].At <= now)
        {
            var e = _events[_nextEvent++];
            changes.AddRange(_cluster.Apply(e, _start + (e.At / _timeScale)));
        }

        return changes;
    }

    private void ScheduleNextLocked()
    {
        if (_timer is null || _nextEvent >= _events.Length)
        {
            return;
        }

        var dueReal = (_events[_nextEvent].At / _timeScale) - (_time.GetUtcNow() - _start);

        // Round up to a whole millisecond so the timer never fires just before the event is due.
        var due = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(dueReal.TotalMilliseconds)));
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan ScenarioTimeLocked()
    {
        var elapsed = _time.GetUtcNow() - _start;
        return elapsed <= TimeSpan.Zero ? TimeSpan.Zero : elapsed * _timeScale;
    }

    private void Raise(IReadOnlyList<StateChange> changes)
    {
        foreach (var change in changes)
        {
            StateChanged?.Invoke(this, change);
        }
    }
}
