using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// The network is cut under the sender (<see cref="ResettingHttpServer"/>, a real TCP server that resets connections
/// on accept, after the request headers, or after the whole request): the sender keeps retrying and, once the
/// server answers again, delivers the batch. Found by cutting the network under the agent (SpoolReplayAgentTests):
/// a reset right after the TCP connect made SocketsHttpHandler throw a bare SocketException 107 ("Transport endpoint
/// is not connected"), not an HttpRequestException; the sending task ended on it and the agent spooled on with
/// nobody sending. Hundreds of resets on accept reach that window on every run here; a dozen did not.
/// </summary>
public sealed class ConnectionResetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-reset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(ResetPoint.OnAccept, 400)]
    [InlineData(ResetPoint.AfterHeaders, 20)]
    [InlineData(ResetPoint.AfterRequest, 20)]
    public async Task ResetConnections_TheSenderKeepsGoing_AndDeliversOnceTheServerAnswers(ResetPoint point, int resets)
    {
        using var server = new ResettingHttpServer(resets, point);
        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);
        spool.Append(_ => [1, 2, 3]);
        var destination = new OtlpDestination("rules", new Uri(server.Url, "v1/metrics"), []);
        using var http = new HttpClient();
        var retry = new RetryOptions(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10), 1);
        var status = new DestinationStatus(destination);
        var sender = new DestinationSender(spool, http, status, retry, TimeProvider.System, NullLogger.Instance, () => { });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var running = sender.RunAsync(stop.Token);

        while (spool.Pending("rules") > 0 && !running.IsCompleted && !stop.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        Assert.False(running.IsCompleted, $"the sender stopped: {running.Exception}");
        Assert.Equal(0, spool.Pending("rules"));
        Assert.Equal(resets + 1, server.Connections);
        Assert.Equal(1, server.Answered);
        await stop.CancelAsync();
        await running;
    }
}
