using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Runs a <see cref="Scenario"/> against a <see cref="SimulatedCluster"/> on a <see cref="TimeProvider"/>:
/// a timer fires at each event's time (scaled), applies it and raises <see cref="StateChanged"/>, so a
/// node failure is exported at once instead of at the next interval. Reads also apply any event that is due,
/// so a reading never shows a state older than the clock.
/// </summary>
internal sealed class SimulatedSource : IMetricSource
{
    private readonly Scenario _scenario;
    private readonly SimulatedCluster _cluster;
    private readonly TimeProvider _time;
    private readonly double _timeScale;
    private readonly string _name;
    private readonly Lock _lock = new();
    private DateTimeOffset _start;
    private int _nextEvent;
    private ITimer? _timer;

    /// <param name="timeScale">Scenario seconds per real second (10 runs a 60 s scenario in 6 s).</param>
    public SimulatedSource(Scenario scenario, double timeScale, TimeProvider time, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        _scenario = scenario;
        _cluster = new SimulatedCluster(scenario);
        _time = time;
        _timeScale = timeScale;
        _name = name;
    }

    public event EventHandler<StateChange>? StateChanged;

    public string Description =>
        $"simulated ({_name}: {_scenario.Nodes} nodes, witness {StateNames.Of(_scenario.Witness)}, {_scenario.Events.Count} events, time x{_timeScale})";

    public void Start()
    {
        lock (_lock)
        {
            _start = _time.GetUtcNow();
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
            reading = _cluster.Read(ScenarioTimeLocked());
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
        while (_nextEvent < _scenario.Events.Count && _scenario.Events[_nextEvent].At <= now)
        {
            var e = _scenario.Events[_nextEvent++];
            changes.AddRange(_cluster.Apply(e, _start + (e.At / _timeScale)));
        }

        return changes;
    }

    private void ScheduleNextLocked()
    {
        if (_timer is null || _nextEvent >= _scenario.Events.Count)
        {
            return;
        }

        var dueReal = (_scenario.Events[_nextEvent].At / _timeScale) - (_time.GetUtcNow() - _start);

        // Round up to a whole millisecond so the timer never fires just before the event is due.
        var due = TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(dueReal.TotalMilliseconds)));
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private TimeSpan ScenarioTimeLocked() => (_time.GetUtcNow() - _start) * _timeScale;

    private void Raise(IReadOnlyList<StateChange> changes)
    {
        foreach (var change in changes)
        {
            StateChanged?.Invoke(this, change);
        }
    }
}
