using System.Collections.Concurrent;
using System.Net;
using AzLocalMonitor.Rules.RemoteWrite.Wire;
using Snappier;

namespace AzLocalMonitor.Rules.Tests.RemoteWrite;

/// <summary>
/// A loopback remote-write receiver: decodes each body as the spec says (snappy block format, then a protobuf
/// WriteRequest parsed by the generated code of our .proto) and records it with its headers. Answers the statuses
/// queued in <see cref="Statuses"/> first, 204 after.
/// </summary>
public sealed class RemoteWriteReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public RemoteWriteReceiver()
    {
        var port = Support.FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/api/v1/write/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public sealed record Received(WriteRequest Request, string? ContentEncoding, string? ContentType, string? Version, string? Authorization);

    public Uri Url { get; }

    /// <summary>Requests answered 2xx.</summary>
    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>Statuses to answer, in order, before 204s.</summary>
    public ConcurrentQueue<int> Statuses { get; } = new();

    public int Attempts;

    public IEnumerable<TimeSeries> Series => Accepted.SelectMany(r => r.Request.Timeseries);

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref Attempts);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var status = Statuses.TryDequeue(out var s) ? s : 204;
            if (status < 300)
            {
                var request = WriteRequest.Parser.ParseFrom(Snappy.DecompressToArray(body.ToArray()));
                Accepted.Enqueue(new Received(request, context.Request.Headers["Content-Encoding"], context.Request.ContentType,
                    context.Request.Headers["X-Prometheus-Remote-Write-Version"], context.Request.Headers["Authorization"]));
            }

            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }
}
