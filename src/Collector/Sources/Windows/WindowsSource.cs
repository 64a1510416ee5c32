using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Linux;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Probes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// An Azure Local node: performance counters, CIM (root\MSCluster, root\Microsoft\Windows\Storage, Hyper-V) and
/// Health Service faults, read by <see cref="SnapshotReader"/> and mapped by <see cref="WindowsMapper"/>. Node
/// membership and quorum are polled every 2 s in the background so that a node going down is exported at once.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsSource : IMetricSource
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FaultRefresh = TimeSpan.FromMinutes(5);

    private readonly string _node;
    private readonly TimeProvider _time;
    private readonly SnapshotReader _reader;
    private readonly PerfCounterReader _perf = new();
    private readonly WindowsMapper _mapper;
    private readonly HealthFaultReader _faults;
    private readonly PeerProber _prober;
    private readonly EndpointProber _endpoints;
    private readonly ReadLoop _loop;
    private readonly Lock _lock = new();
    private readonly ILogger _logger;
    private ClusterReading? _last;
    private string _lastFailures = string.Empty;
    private int _lastFaultFailures;
    private DateTimeOffset _faultsRefreshed;

    public WindowsSource(string node, IReadOnlyList<PeerTarget> peers, TimeSpan probeInterval, TimeProvider time, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _prober = new PeerProber(peers, probeInterval, time);
        _endpoints = new EndpointProber(probeInterval, time);
        _node = node;
        _time = time;
        _reader = new SnapshotReader(new WmiCimQuery(), node);
        _mapper = new WindowsMapper(node, time);
        _faults = new HealthFaultReader(_mapper.Faults);
        _loop = new ReadLoop(() => Read(), WatchInterval, time, (e, count) => Log.WatchReadFailed(_logger, count, e));
    }

    public string Description => $"windows ({_node}: perf counters, CIM, Health Service)";

    public event EventHandler<StateChange>? StateChanged;

    /// <summary>Background reads that threw (each was skipped; the watch goes on).</summary>
    public long FailedReads => _loop.Failures;

    public void Start()
    {
        _faults.Start();
        _faultsRefreshed = _time.GetUtcNow();
        _ = Read();
        _prober.Start();
        _endpoints.Start();
        _loop.Start();
    }

    public ClusterReading Read()
    {
        lock (_lock)
        {
            if (_time.GetUtcNow() - _faultsRefreshed > FaultRefresh)
            {
                _faults.Refresh();
                _faultsRefreshed = _time.GetUtcNow();
            }

            // The cluster names what to time (other sites' nodes, the witness); the prober times it in the background
            // and this reading uses its last round.
            var snapshot = _reader.Read(_perf.Read());
            _endpoints.SetTargets(ProbeReadings.Targets(snapshot, _node));
            var reading = _mapper.Map(snapshot with { PeerLatencies = _prober.Latest, Probes = _endpoints.Latest });
            LogProblems();
            var changes = StateChanges.Between(_last, reading, _time.GetUtcNow());
            _last = reading;
            foreach (var change in changes)
            {
                StateChanged?.Invoke(this, change);
            }

            return reading;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _loop.DisposeAsync().ConfigureAwait(false);
        await _prober.DisposeAsync().ConfigureAwait(false);
        await _endpoints.DisposeAsync().ConfigureAwait(false);
        _faults.Dispose();
    }

    // Each refused query once until the set changes (the watch reads every 2 s); each failed fault snapshot once.
    private void LogProblems()
    {
        var failures = string.Join("\n", _reader.Failures);
        if (failures != _lastFailures)
        {
            foreach (var failure in _reader.Failures)
            {
                Log.CimQueryFailed(_logger, failure);
            }

            _lastFailures = failures;
        }

        if (_mapper.Faults.FailedRefreshes != _lastFaultFailures)
        {
            _lastFaultFailures = _mapper.Faults.FailedRefreshes;
            Log.FaultRefreshFailed(_logger, _mapper.Faults.LastFailure ?? -1, _mapper.Faults.Counts() is null ? "no" : "last");
        }
    }
}
