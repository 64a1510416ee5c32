using System.Collections.Concurrent;
using System.Net;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Diagnostics;

/// <summary>
/// A loopback OTLP/HTTP receiver for the test: keeps every protobuf body posted to /v1/traces, /v1/metrics and
/// /v1/logs and answers 200 with an empty export response. (No OpenTelemetry Collector or Grafana Alloy can be
/// installed here; Rules itself ingests OTLP metrics but not traces or logs.)
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    private OtlpReceiver(int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Bodies by path (<c>/v1/traces</c>, …), in arrival order.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<byte[]>> Bodies { get; } = new(StringComparer.Ordinal);

    public static OtlpReceiver Start() => new(FreePort.Next());

    public IReadOnlyList<byte[]> Received(string path) => Bodies.TryGetValue(path, out var q) ? [.. q] : [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // stopping the listener ends the pending GetContextAsync
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Bodies.GetOrAdd(context.Request.Url!.AbsolutePath, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
