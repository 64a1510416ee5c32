using System.Net;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// A failure nobody foresaw (here a handler throwing InvalidOperationException, which is not a network error) does
/// not end the only task delivering to a destination: the batch stays in the spool, the failure is the
/// destination's last error, and the batch is delivered once sending works again.
/// </summary>
public sealed class UnexpectedSendFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-unexpected-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AnUnforeseenException_IsRecorded_AndTheSenderDeliversLater()
    {
        using var handler = new FailingHandler(failures: 3);
        using var http = new HttpClient(handler);
        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);
        spool.Append(_ => [1, 2, 3]);
        var destination = new OtlpDestination("rules", new Uri("http://127.0.0.1:9/v1/metrics"), []);
        var status = new DestinationStatus(destination);
        var retry = new RetryOptions(0, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10), 1);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        var sender = new DestinationSender(spool, http, status, retry, TimeProvider.System, NullLogger.Instance, () => seen.Enqueue(status.LastError));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = sender.RunAsync(stop.Token);

        while (spool.Pending("rules") > 0 && !running.IsCompleted && !stop.IsCancellationRequested)
        {
            await Task.Delay(10);
        }

        Assert.False(running.IsCompleted, $"the sender stopped: {running.Exception}");
        Assert.Equal(0, spool.Pending("rules"));
        Assert.Equal(4, handler.Calls);
        Assert.Equal(3, seen.Count(e => e == FailingHandler.Message)); // each failed round, as the status file shows it
        Assert.Null(status.LastError); // cleared by the delivery
        await stop.CancelAsync();
        await running;
    }

    private sealed class FailingHandler(int failures) : HttpMessageHandler
    {
        public const string Message = "not a network error";
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) <= failures
                ? throw new InvalidOperationException(Message)
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
