using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Snappier;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Sends the buffer to one destination: a loop per shard reads a batch after its cursor, sends it as a remote write
/// 1.0 request (snappy block-compressed protobuf), and moves the cursor only when the store answered 2xx. Network
/// errors, timeouts, 5xx and 429 are retried by a Polly pipeline (exponential backoff with jitter, without end: the
/// buffer holds what waits); other 4xx mean the store will never take the batch (the spec: do not retry), so it
/// is dropped and counted.
/// </summary>
public sealed partial class RemoteWriteSender
{
    private static readonly MediaTypeHeaderValue Protobuf = new("application/x-protobuf");

    private readonly HttpClient _http;
    private readonly RemoteWriteDestination _destination;
    private readonly IReadOnlyList<WalCursor> _cursors;
    private readonly RemoteWriteOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private long _sent;
    private long _failed;
    private long _rejected;
    private long _requests;

    public RemoteWriteSender(HttpClient http, RemoteWriteDestination destination, IReadOnlyList<WalCursor> cursors, RemoteWriteOptions options, ILogger logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _destination = destination;
        _cursors = cursors;
        _options = options;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.MinBackoff,
                MaxDelay = options.MaxBackoff,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<Exception>(NetworkFailure.IsTransient)
                    .Handle<TaskCanceledException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                OnRetry = args =>
                {
                    Interlocked.Add(ref _failed, args.Context.Properties.GetValue(SamplesKey, 0));
                    if (args.AttemptNumber == 0 || args.AttemptNumber % 20 == 0)
                    {
                        LogRetry(_logger, _destination.ToString(), args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}", args.RetryDelay);
                    }

                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<int> SamplesKey = new("samples");

    public RemoteWriteDestination Destination => _destination;

    public IReadOnlyList<WalCursor> Cursors => _cursors;

    /// <summary>Samples the store acknowledged.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Samples in attempts that failed and were retried (counted per attempt).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Samples the store refused for good (4xx other than 429).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Requests that succeeded.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Runs every shard's loop until <paramref name="stopping"/>.</summary>
    public Task RunAsync(CancellationToken stopping) => Task.WhenAll(_cursors.Select(c => Task.Run(() => RunShardAsync(c, stopping), CancellationToken.None)));

    private async Task RunShardAsync(WalCursor cursor, CancellationToken stopping)
    {
        var payload = new ByteBuffer(1 << 16);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var appended = cursor.Shard.AppendedAsync();
                var batch = WalReader.Read(cursor, _options.MaxSamplesPerSend, payload);
                if (batch.Samples == 0)
                {
                    if (batch.Next != cursor.Position)
                    {
                        cursor.Skip(batch.Next);
                        continue;
                    }

                    // Nothing new: wait for an append (or a second, which also covers a segment deleted meanwhile).
                    await appended.WaitAsync(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
                    continue;
                }

                await SendAsync(payload.Memory, batch.Samples, stopping).ConfigureAwait(false);
                cursor.Commit(batch.Next, batch.Samples, batch.HighestMs);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (TimeoutException)
            {
                // the wait for appends timed out: read again
            }
            catch (IOException ex)
            {
                LogBufferError(_logger, ex, cursor.Shard.Directory);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // Not a failure anyone foresaw. This loop is the shard's only sender: ending it would leave the buffer
                // growing with nothing sent, so it is logged and the same batch is tried again after a pause.
                LogUnexpected(_logger, ex, _destination.ToString());
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one WriteRequest (already encoded), retrying until it is accepted, refused for good, or Rules stops.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> writeRequest, int samples, CancellationToken cancellationToken)
    {
        var body = Snappy.CompressToArray(writeRequest.Span);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SamplesKey, samples);
        try
        {
            using var response = await _retry.ExecuteAsync(
                async (ctx, state) =>
                {
                    using var request = state.Build(body);
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
                    timeout.CancelAfter(state._options.Timeout);
                    return await state._http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                },
                context,
                this).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Add(ref _sent, samples);
                Interlocked.Increment(ref _requests);
                return;
            }

            Interlocked.Add(ref _rejected, samples);
            var reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            LogRejected(_logger, _destination.ToString(), samples, (int)response.StatusCode, reason.Length > 300 ? reason[..300] : reason);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private HttpRequestMessage Build(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _destination.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Protobuf;
        request.Content.Headers.ContentEncoding.Add("snappy");
        request.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        request.Headers.UserAgent.ParseAdd("AzLocalMonitor-Rules/1.0");
        if (_destination.BearerToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (_destination.Username is { } user)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{_destination.Password}")));
        }

        return request;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Remote write to {Destination} failed ({Reason}); retrying in {Delay} (the buffer keeps the samples)")]
    private static partial void LogRetry(ILogger logger, string destination, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote write to {Destination}: {Samples} samples refused with HTTP {Status} (not retried, dropped): {Reason}")]
    private static partial void LogRejected(ILogger logger, string destination, int samples, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote write to {Destination} failed unexpectedly; retrying the same batch")]
    private static partial void LogUnexpected(ILogger logger, Exception ex, string destination);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote write buffer {Directory} could not be read")]
    private static partial void LogBufferError(ILogger logger, Exception ex, string directory);
}
