using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Windows.Capture;

/// <summary>
/// <c>--source windows-capture --capture DIR</c>: replays a node's capture folder through the same
/// <see cref="SnapshotReader"/> and <see cref="WindowsMapper"/> as the live Windows source, on any OS. Every read
/// gives the captured moment again.
/// </summary>
internal sealed class WindowsCaptureSource : IMetricSource
{
    private readonly CaptureFolder _folder;
    private readonly SnapshotReader _reader;
    private readonly WindowsMapper _mapper;
    private readonly Lock _lock = new();

    public WindowsCaptureSource(CaptureFolder folder, string? node = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = folder;
        var reportingNode = node ?? folder.ComputerName;
        _reader = new SnapshotReader(new CaptureCimQuery(folder.Path), reportingNode);
        _mapper = new WindowsMapper(reportingNode, TimeProvider.System); // one moment replayed: no transitions, no operations
        var (faults, failure) = folder.HealthFaults();
        if (faults is not null)
        {
            _mapper.Faults.Replace(faults);
        }
        else if (failure is { } code)
        {
            _mapper.Faults.Failed(code);
        }
    }

    public string Description => $"windows-capture ({_folder.ComputerName}, captured {_folder.CapturedAt:u} in {_folder.Path})";

    /// <summary>Queries the replay could not answer in the last read (as WMI would have refused them).</summary>
    public IReadOnlyList<string> Failures => _reader.Failures;

    public event EventHandler<StateChange>? StateChanged
    {
        add { }
        remove { }
    }

    public void Start()
    {
    }

    public ClusterReading Read()
    {
        lock (_lock)
        {
            return _mapper.Map(_reader.Read(_folder.Counters()));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
