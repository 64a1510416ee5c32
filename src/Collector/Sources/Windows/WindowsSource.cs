using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Linux;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// An Azure Local node: performance counters, CIM (root\MSCluster, root\Microsoft\Windows\Storage, Hyper-V) and
/// Health Service faults, mapped by <see cref="WindowsMapper"/>. Node membership and quorum are polled every
/// 2 s in the background so that a node going down or quorum being lost is exported at once.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsSource : IMetricSource
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FaultRefresh = TimeSpan.FromMinutes(5);

    private readonly string _node;
    private readonly TimeProvider _time;
    private readonly CimReader _cim;
    private readonly PerfCounterReader _perf = new();
    private readonly WindowsMapper _mapper;
    private readonly HealthFaultReader _faults;
    private readonly PeerProber _prober;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private ClusterReading? _last;
    private DateTimeOffset _faultsRefreshed;
    private Task? _watch;

    public WindowsSource(string node, IReadOnlyList<PeerTarget> peers, TimeSpan probeInterval, TimeProvider time)
    {
        _prober = new PeerProber(peers, probeInterval, time);
        _node = node;
        _time = time;
        _cim = new CimReader(node);
        _mapper = new WindowsMapper(node);
        _faults = new HealthFaultReader(_mapper.Faults);
    }

    public string Description => $"windows ({_node}: perf counters, CIM, Health Service)";

    public event EventHandler<StateChange>? StateChanged;

    public void Start()
    {
        _faults.Start();
        _faultsRefreshed = _time.GetUtcNow();
        _ = Read();
        _prober.Start();
        _watch = Task.Run(WatchAsync);
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

            var reading = _mapper.Map(_cim.Read(_perf.Read()) with { PeerLatencies = _prober.Latest });
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
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_watch is not null)
        {
            await _watch.ConfigureAwait(false);
        }

        await _prober.DisposeAsync().ConfigureAwait(false);
        _faults.Dispose();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        using var timer = new PeriodicTimer(WatchInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                _ = Read();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
