using System.Net;
using System.Threading.Channels;
using AzLocalMonitor.Collector.Tests.Fakes;
using OtlpRequest = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceRequest;
using OtlpResponse = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceResponse;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// A minimal OTLP/HTTP metrics receiver on a free 127.0.0.1 port (HttpListener, no Kestrel): it decodes every
/// POST to /v1/metrics and hands the request to the test with the time it arrived.
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<(OtlpRequest Request, TimeSpan At, string ContentType, string Path)> _received =
        Channel.CreateUnbounded<(OtlpRequest, TimeSpan, string, string)>();

    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>What the collector takes as --rules.</summary>
    public string BaseUrl { get; }

    /// <summary>Waits for the first request that satisfies <paramref name="match"/>; returns it and when it arrived (since the receiver started).</summary>
    public async Task<(OtlpRequest Request, TimeSpan At, string ContentType, string Path)> WaitForAsync(
        Func<OtlpRequest, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var item = await _received.Reader.ReadAsync(cts.Token);
                if (match(item.Request))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching OTLP request within {timeout}.");
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; that is how the loop ends.
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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = OtlpRequest.Parser.ParseFrom(body.ToArray());
            var response = new OtlpResponse().ToByteArrayCompat();
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.OutputStream.WriteAsync(response);
            context.Response.Close();
            await _received.Writer.WriteAsync((request, TimeProvider.System.GetElapsedTime(_started), context.Request.ContentType ?? "", context.Request.Url?.AbsolutePath ?? ""));
        }
    }

}

/// <summary>Google.Protobuf's ToByteArray is an extension in a namespace the tests do not otherwise import.</summary>
internal static class ProtobufExtensions
{
    public static byte[] ToByteArrayCompat(this Google.Protobuf.IMessage message) => Google.Protobuf.MessageExtensions.ToByteArray(message);
}
