namespace AzLocalMonitor.Collector.Export;

/// <summary>Delivery health of one destination, for the status file and the self-metrics.</summary>
internal sealed class DestinationStatus
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastSuccess;
    private string? _lastError;

    public DestinationStatus(OtlpDestination destination) => Destination = destination;

    public OtlpDestination Destination { get; }

    /// <summary>When a batch was last acknowledged (2xx); null before the first.</summary>
    public DateTimeOffset? LastSuccess
    {
        get
        {
            lock (_lock)
            {
                return _lastSuccess;
            }
        }
    }

    /// <summary>The last failure, cleared by a success.</summary>
    public string? LastError
    {
        get
        {
            lock (_lock)
            {
                return _lastError;
            }
        }
    }

    public void Succeeded(DateTimeOffset at)
    {
        lock (_lock)
        {
            (_lastSuccess, _lastError) = (at, null);
        }
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            _lastError = error;
        }
    }
}
