using System.Net;
using System.Net.Http.Headers;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Wire;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Delivers the spool to one destination strictly in sequence order: the oldest unacknowledged batch is POSTed
/// (<see cref="RetryLoop"/>: exponential backoff with jitter) until it is acknowledged (2xx) or refused as invalid (4xx other
/// than 408/429: set aside and counted); only then is the next one sent. After the retries run out it waits for the
/// next batch or <see cref="RetryOptions.MaxDelay"/>, whichever is first, and starts again with the same batch.
/// A 429 or 503 with Retry-After (seconds or an HTTP date) is obeyed: no POST to this destination before then
/// (capped at <see cref="RetryOptions.MaxRetryAfter"/>), not even when a new batch wakes the sender.
/// </summary>
internal sealed class DestinationSender
{
    private const string ProtobufMediaType = "application/x-protobuf";

    private readonly BatchSpool _spool;
    private readonly HttpClient _http;
    private readonly DestinationStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetryOptions _retry;
    private readonly RetryLoop _retryLoop;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Action _changed;
    private readonly string _agent;
    private bool _down;

    // No POST before this (a server's Retry-After). Read and written only by SendAsync, which runs on the one sending
    // task of this destination (RetryLoop runs attempts in sequence), so no lock is needed.
    private DateTimeOffset _notBefore;

    /// <param name="changed">Called after every acknowledgement (to refresh the status file).</param>
    /// <param name="agent">This agent's node name (header <c>AzLocalMonitor-Agent</c>).</param>
    public DestinationSender(BatchSpool spool, HttpClient http, DestinationStatus status, RetryOptions retry, TimeProvider time, ILogger logger, Action changed, string agent = "")
    {
        _agent = agent;
        _spool = spool;
        _http = http;
        _status = status;
        _retry = retry;
        _time = time;
        _logger = logger;
        _changed = changed;
        _retryLoop = new RetryLoop(retry, time);
    }

    public OtlpDestination Destination => _status.Destination;

    /// <summary>A new batch is on disk: stop waiting.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    /// <summary>Sends until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var name = Destination.Name;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_spool.Next(name) is not { } batch)
            {
                await WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (BatchSpool.Read(batch) is not { } body)
            {
                continue; // dropped by the size limit meanwhile: the next one is now the oldest
            }

            SendOutcome outcome;
            try
            {
                outcome = await _retryLoop.RunAsync(token => SendAsync(body, batch.Path, token), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Anything else is a bug or a failure nobody foresaw. This task is the only one delivering to this
                // destination: ending it would leave the spool growing with nobody sending, so it is logged and
                // treated like an unreachable destination (the batch stays; the next round tries again).
                Log.SendFailedUnexpectedly(_logger, Destination.ToString(), e);
                _status.Failed(e.Message);
                outcome = SendOutcome.Retry;
            }

            switch (outcome)
            {
                case SendOutcome.Delivered:
                    if (_down)
                    {
                        _down = false;
                        Log.DestinationBack(_logger, Destination.ToString());
                    }

                    _status.Succeeded(_time.GetUtcNow());
                    _spool.Acknowledge(name, batch.Sequence);
                    _changed();
                    break;
                case SendOutcome.Poison:
                    Log.BatchPoisoned(_logger, batch.Sequence, Destination.ToString(), _status.LastError ?? string.Empty);
                    _spool.Quarantine(batch);
                    _spool.Acknowledge(name, batch.Sequence);
                    _changed();
                    break;
                default:
                    if (!_down)
                    {
                        _down = true;
                        Log.DestinationDown(_logger, Destination.ToString(), _status.LastError ?? "unknown", _spool.Pending(name));
                    }

                    _changed();
                    await WaitAsync(_retry.MaxDelay, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>How long a Retry-After header asks us to wait, at most <paramref name="cap"/>; null without one.</summary>
    internal static TimeSpan? ServerDelay(RetryConditionHeaderValue? header, DateTimeOffset now, TimeSpan cap)
    {
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait is { } w ? TimeSpan.FromTicks(Math.Clamp(w.Ticks, 0, cap.Ticks)) : null;
    }

    // The batch file's write time is when it was spooled, by this machine's clock (the one TimeProvider.System reads).
    private long BatchAge(string path)
    {
        try
        {
            return Math.Max(0, (long)(_time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(path)).TotalSeconds);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(timeout, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the pause is over, or stopping
        }
    }

    private async ValueTask<SendOutcome> SendAsync(byte[] body, string path, CancellationToken cancellationToken)
    {
        // Every POST goes through here, so the server's Retry-After holds whichever way the retry came (RetryLoop's
        // backoff, the pause between rounds, or a new batch waking the sender): the wait is the longer of the two.
        if (_notBefore - _time.GetUtcNow() is var hold && hold > TimeSpan.Zero)
        {
            await Task.Delay(hold, _time, cancellationToken).ConfigureAwait(false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Destination.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ProtobufMediaType);
        // Rules holds its notifications while it receives old batches (it was down: they are history, its HA peer has
        // alerted on them already), until this agent's spool is empty behind the posted batch (ExportHeaders).
        request.Headers.TryAddWithoutValidation(ExportHeaders.BatchAge, BatchAge(path).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var behind = Math.Max(0, _spool.Pending(Destination.Name) - 1); // Pending counts the posted batch itself
        request.Headers.TryAddWithoutValidation(ExportHeaders.Backlog, behind.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_agent.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(ExportHeaders.Agent, _agent);
        }
        foreach (var (key, value) in Destination.Headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_retry.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendOutcome.Delivered;
            }

            _status.Failed($"HTTP {code} {response.ReasonPhrase}");
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                && ServerDelay(response.Headers.RetryAfter, _time.GetUtcNow(), _retry.MaxRetryAfter) is { } wait)
            {
                _notBefore = _time.GetUtcNow() + wait;
            }

            // 401/403: a missing or wrong token is the deployment's to fix, not the batch's fault: keep the spool and
            // retry, so nothing measured meanwhile is lost once the token is right. Same for 421: this Rules is a shard
            // that does not own the cluster (the agent points at the wrong shard) until the configuration is fixed.
            return code is >= 400 and < 500 && response.StatusCode is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests
                and not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden and not HttpStatusCode.MisdirectedRequest
                ? SendOutcome.Poison
                : SendOutcome.Retry;
        }
        catch (Exception e) when (NetworkFailure.IsTransient(e))
        {
            _status.Failed(e.Message);
            return SendOutcome.Retry;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _status.Failed($"no answer within {_retry.AttemptTimeout.TotalSeconds:F0} s");
            return SendOutcome.Retry;
        }
    }
}
