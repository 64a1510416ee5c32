using System.Net;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Collector.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// A replayed backlog tells Rules how many batches follow each one (AzLocalMonitor-Backlog) and whose backlog it is
/// (AzLocalMonitor-Agent): Rules holds the cluster's notifications until the agent says its spool is empty. The server
/// is a real HTTP listener on loopback; the expected counts come from the spool's content (three batches: 2, 1, 0).
/// </summary>
public sealed class BacklogHeaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-backlog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ThreeSpooledBatches_ArePostedWithTheBatchesBehindEach_AndTheAgentName()
    {
        var seen = new List<(string? Backlog, string? Agent, string? Age)>();
        using var listener = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort.Next()}/";
        listener.Prefixes.Add(url);
        listener.Start();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                var context = await listener.GetContextAsync();
                var h = context.Request.Headers;
                lock (seen)
                {
                    seen.Add((h["AzLocalMonitor-Backlog"], h["AzLocalMonitor-Agent"], h["AzLocalMonitor-Batch-Age"]));
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);
        for (var i = 0; i < 3; i++)
        {
            spool.Append(_ => [1, 2, 3]);
        }

        var destination = new OtlpDestination("rules", new Uri(url + "v1/metrics"), []);
        using var http = new HttpClient();
        var sender = new DestinationSender(spool, http, new DestinationStatus(destination), RetryOptions.Default, TimeProvider.System, NullLogger.Instance, () => { }, agent: "node-7");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = sender.RunAsync(stop.Token);
        await server.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        Assert.Equal(["2", "1", "0"], seen.Select(s => s.Backlog));
        Assert.All(seen, s => Assert.Equal("node-7", s.Agent));
        Assert.All(seen, s => Assert.True(long.TryParse(s.Age, out var age) && age >= 0, $"batch age '{s.Age}'"));
    }
}
