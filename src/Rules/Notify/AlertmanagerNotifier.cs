using System.Net.Http.Json;
using System.Threading.Channels;
using AzLocalMonitor.Rules.Diagnostics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Delivers alerts to Alertmanager's v2 API: a bounded queue (oldest dropped and counted when full), batches of
/// up to <see cref="AlertmanagerOptions.BatchSize"/>, Polly retries with exponential backoff and jitter.
/// Sends as soon as alerts arrive: a state change is not held back for a tick.
/// </summary>
public sealed partial class AlertmanagerNotifier : BackgroundService, IAlertNotifier
{
    private readonly Channel<AlertNotification> _queue;
    private readonly HttpClient _http;
    private readonly AlertmanagerOptions _options;
    private readonly SelfMetrics _metrics;
    private readonly ILogger<AlertmanagerNotifier> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _endpoint;

    public AlertmanagerNotifier(HttpClient http, IOptions<AlertmanagerOptions> options, SelfMetrics metrics, ILogger<AlertmanagerNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _endpoint = new Uri(new Uri(_options.Url!.TrimEnd('/') + "/"), "api/v2/alerts");
        _queue = Channel.CreateBounded<AlertNotification>(
            new BoundedChannelOptions(_options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => _metrics.NotificationDropped());
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TaskCanceledException>(),
            })
            .AddTimeout(_options.Timeout)
            .Build();
    }

    /// <summary>Alerts waiting for delivery.</summary>
    public int QueueLength => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

    public void Enqueue(IReadOnlyList<AlertNotification> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AlertNotification>(_options.BatchSize);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var alert))
            {
                batch.Add(alert);
            }

            await SendAsync(batch, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(List<AlertNotification> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.ExecuteAsync(
                async ct =>
                {
                    using var response = await _http.PostAsJsonAsync(_endpoint, batch, ct).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                },
                cancellationToken).ConfigureAwait(false);
            _metrics.NotificationsSent(batch.Count);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            _metrics.NotificationsFailed(batch.Count);
            LogSendFailed(_logger, batch.Count, _endpoint, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver {Count} alert(s) to {Endpoint}: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, int count, Uri endpoint, string reason);
}
