using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Telemetry;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// One run of the collector: the catalog instruments over a source, collected (<see cref="MeterCollector"/>) every
/// interval (<see cref="CollectionLoop"/>) into the durable spool (<see cref="SpoolingExporter"/>), one
/// <see cref="DestinationSender"/> per destination delivering the spool in order, and an immediate collection
/// whenever the source reports a state change.
/// </summary>
internal sealed class ExportSession : IAsyncDisposable
{
    public const string ServiceName = "azlocal-collector";

    // Caps the wait for the senders to drain at shutdown or with --once.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly CollectorOptions _options;
    private readonly SourceSetup _setup;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ReadingCache _cache;
    private readonly CatalogInstruments _instruments;
    private readonly BatchSpool _spool;
    private readonly StatusFile _status;
    private readonly HttpClient _http;
    private readonly List<DestinationSender> _senders = [];
    private readonly CancellationTokenSource _stopSenders = new();
    private readonly List<Task> _sending = [];
    private readonly MeterCollector _collector;
    private readonly CollectionLoop _collections;
    private readonly ImmediateFlusher _flusher;

    /// <exception cref="SpoolLockedException">Another collector uses the spool directory.</exception>
    public ExportSession(CollectorOptions options, SourceSetup setup, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _setup = setup;
        _time = time;
        _logger = loggers.CreateLogger("AzLocalMonitor.Collector");
        var start = time.GetUtcNow();

        // A reading serves one collection: shorter than any interval, longer than a collection takes.
        var maxAge = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, options.Interval.Ticks / 2));
        _cache = new ReadingCache(setup.Source, time, maxAge, _logger);
        _instruments = new CatalogInstruments(() => _cache.Current);

        _spool = new BatchSpool(options.SpoolPath, options.SpoolLimits, [.. options.Destinations.Select(d => d.Name)]);
        var statuses = options.Destinations.Select(d => new DestinationStatus(d)).ToList();
        _status = new StatusFile(options.StatusFile ?? Path.Combine(_spool.DirectoryPath, "status.json"), options.Node, _spool, statuses, time);
        _http = new HttpClient(new ServerTrust(options.RulesBaseUrls.Count > 0 ? options.RulesBaseUrls : [options.RulesBaseUrl], options.CaFile, options.ServerThumbprint).CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var retry = RetryOptions.Default with
        {
            Seed = StableSeed(options.Node),
            MaxDelay = options.RetryMaxDelay,
            Delay = TimeSpan.FromTicks(Math.Min(RetryOptions.Default.Delay.Ticks, options.RetryMaxDelay.Ticks)),
        };
        foreach (var status in statuses)
        {
            _senders.Add(new DestinationSender(_spool, _http, status, retry, time, _logger, _status.Write, options.Node));
        }

        var exporter = new SpoolingExporter(_spool, statuses, time, start, _logger, OnAppended) { ClusterQueryable = () => _cache.Current.ClusterQueryable };
        var resource = AgentResource.Build(ServiceName, setup.Cluster, options.Node, Environment.GetEnvironmentVariable(AgentResource.EnvironmentVariable));
        _collector = new MeterCollector(_instruments.Meter, resource, start);
        _collections = new CollectionLoop(at => (_collector.Collect(at, out var errors), errors), exporter.Export, time, _logger);
        _flusher = new ImmediateFlusher(_collections.Collect, time, _logger);
    }

    /// <summary>Runs until cancelled (returns 0), or with --once exports one reading (0 if every destination has it, else 1).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_logger, _setup.Source.Description, _setup.Cluster, _options.Node,
            string.Join(", ", _options.Destinations), _options.Interval, _spool.DirectoryPath, _spool.Depth);
        foreach (var sender in _senders)
        {
            _sending.Add(Task.Run(() => sender.RunAsync(_stopSenders.Token), CancellationToken.None));
        }

        _setup.Source.StateChanged += OnStateChanged;
        _setup.Source.Start();
        if (_options.Once)
        {
            var spooled = await Task.Run(_collections.Collect, CancellationToken.None).ConfigureAwait(false);
            var delivered = spooled && await DrainAsync(DrainTimeout).ConfigureAwait(false);
            Log.ImmediateExport(_logger, "--once", delivered ? "delivered" : "NOT delivered (kept in the spool)", 0);
            return delivered ? ExitCodes.Success : ExitCodes.Failure;
        }

        // Rules should not wait a whole interval to hear of a new collector.
        _collections.Start(_options.Interval);
        _flusher.Request("start");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or the host's token: a normal stop.
        }
        finally
        {
            _setup.Source.StateChanged -= OnStateChanged;
        }

        return ExitCodes.Success;
    }

    public async ValueTask DisposeAsync()
    {
        await _flusher.DisposeAsync().ConfigureAwait(false);
        await _setup.Source.DisposeAsync().ConfigureAwait(false);

        // Shutdown runs a last collection into the spool; the senders get a moment to deliver it. What they cannot
        // deliver stays on disk and is sent by the next run.
        await Task.Run(_collections.Shutdown).ConfigureAwait(false);
        await DrainAsync(DrainTimeout).ConfigureAwait(false);
        await _stopSenders.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_sending).ConfigureAwait(false);
        _status.Write();
        Log.Stopped(_logger, _spool.Depth);
        _collections.Dispose();
        _collector.Dispose();
        _instruments.Dispose();
        _http.Dispose();
        _spool.Dispose();
        _stopSenders.Dispose();
    }

    /// <summary>Waits until every destination acknowledged every spooled batch; false on timeout.</summary>
    private async Task<bool> DrainAsync(TimeSpan timeout)
    {
        var deadline = _time.GetTimestamp() + (long)(timeout.TotalSeconds * _time.TimestampFrequency);
        while (_spool.Depth > 0)
        {
            if (_time.GetTimestamp() >= deadline || _sending.All(t => t.IsCompleted))
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time).ConfigureAwait(false);
        }

        return true;
    }

    private void OnAppended()
    {
        foreach (var sender in _senders)
        {
            sender.Wake();
        }

        _status.Write();
    }

    private void OnStateChanged(object? sender, StateChange change)
    {
        Log.StateChanged(_logger, change.ToString());
        _cache.Invalidate();
        _flusher.Request(change.ToString());
    }

    // Jitter differs between nodes (so a fleet does not retry in step) but is reproducible for one node.
    private static int StableSeed(string node)
    {
        var hash = 17;
        foreach (var c in node)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
