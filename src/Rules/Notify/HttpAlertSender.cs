using System.Diagnostics;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Delivers alerts to one HTTP destination: a bounded queue (when full the oldest
/// non-critical is dropped and counted, see <see cref="NotificationQueue"/>), batches of up
/// to <see cref="AlertmanagerOptions.BatchSize"/>; retries and timeouts are the HttpClient's resilience handler
/// (<see cref="DeliveryResilience"/>). Sends as soon as alerts arrive: a state change is not held back for a tick.
/// Subclasses say where and in what shape.
/// </summary>
public abstract partial class HttpAlertSender : BackgroundService, IAlertNotifier
{
    private readonly NotificationQueue _queue;
    private readonly HttpClient _http;
    private readonly int _batchSize;
    private readonly SelfMetrics _metrics;
    private readonly ILogger _logger;

    protected HttpAlertSender(HttpClient http, Uri endpoint, AlertmanagerOptions options, SelfMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        Endpoint = endpoint;
        _batchSize = options.BatchSize;
        _metrics = metrics;
        _logger = logger;
        _queue = new NotificationQueue(options.QueueCapacity);
    }

    /// <summary>Where batches are posted.</summary>
    public Uri Endpoint { get; }

    /// <summary>Alerts waiting for delivery.</summary>
    public int QueueLength => _queue.Count;

    public void Enqueue(IReadOnlyList<AlertNotification> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            if (_queue.Add(alert) is { } dropped)
            {
                _metrics.NotificationDropped(NotificationQueue.IsCritical(dropped));
            }
        }
    }

    /// <summary>The request body for one batch.</summary>
    protected abstract HttpContent Body(IReadOnlyList<AlertNotification> batch);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AlertNotification>(_batchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _queue.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            batch.Clear();
            while (batch.Count < _batchSize && _queue.TryTake(out var alert))
            {
                batch.Add(alert);
            }

            await SendAsync(batch, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(List<AlertNotification> batch, CancellationToken cancellationToken)
    {
        // One span per batch, linked to the evaluations that raised its alerts (they ran on the ingest path or the timer).
        var links = batch.Select(a => a.Origin).Where(o => o != default).Distinct().Select(o => new ActivityLink(o)).ToList();
        using var activity = Tracing.Source.StartActivity(Tracing.Notify, ActivityKind.Client, parentContext: default, links: links);
        activity?.SetTag("azlm.destination", Endpoint.GetLeftPart(UriPartial.Authority));
        activity?.SetTag("azlm.alerts", batch.Count);
        Tracing.TagClusters(activity, batch.Select(a => a.Labels.GetValueOrDefault("cluster")));
        try
        {
            using var content = Body(batch);
            using var response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            _metrics.NotificationsSent(batch.Count);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Every failure fails the batch, counted. This loop is the only one delivering to this destination: letting
            // an unforeseen exception end it would stop every later page without a trace, so the loop goes on.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            _metrics.NotificationsFailed(batch.Count);
            if (NetworkFailure.IsTransient(ex) || ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
            {
                LogSendFailed(_logger, batch.Count, Endpoint, ex.Message);
            }
            else
            {
                LogSendFailedUnexpectedly(_logger, ex, batch.Count, Endpoint);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver {Count} alert(s) to {Endpoint}: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, int count, Uri endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver {Count} alert(s) to {Endpoint}: unexpected failure")]
    private static partial void LogSendFailedUnexpectedly(ILogger logger, Exception ex, int count, Uri endpoint);
}
