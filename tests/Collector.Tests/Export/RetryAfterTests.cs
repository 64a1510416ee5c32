using System.Net;
using System.Net.Http.Headers;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Collector.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// A destination answering 429 with Retry-After is not asked again before then, and the batch stays in the spool
/// until it is acknowledged. Time is a fake clock: the assertion is on the clock reading at each request.
/// </summary>
public sealed class RetryAfterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-retry-after-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_NextPostWaitsAtLeastThatLong_AndTheSpoolKeepsTheBatch()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var arrivals = new List<DateTimeOffset>();
        using var listener = new HttpListener();
        var url = $"http://127.0.0.1:{FreePort.Next()}/";
        listener.Prefixes.Add(url);
        listener.Start();
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                var context = await listener.GetContextAsync();
                lock (arrivals)
                {
                    arrivals.Add(time.GetUtcNow());
                }

                context.Response.StatusCode = i == 0 ? 429 : 200;
                if (i == 0)
                {
                    context.Response.Headers["Retry-After"] = "120";
                }

                context.Response.Close();
            }
        });

        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);
        spool.Append(_ => [1, 2, 3]);
        var destination = new OtlpDestination("rules", new Uri(url + "v1/metrics"), []);
        using var http = new HttpClient();
        var sender = new DestinationSender(spool, http, new DestinationStatus(destination), RetryOptions.Default, time, NullLogger.Instance, () => { });
        using var stop = new CancellationTokenSource();
        var running = sender.RunAsync(stop.Token);

        // Move the fake clock a second at a time until the batch is acknowledged (bounded: ten fake minutes).
        for (var step = 0; step < 600 && spool.Pending("rules") > 0; step++)
        {
            await Task.Delay(5); // let the sender and the listener run; no assertion depends on how long this takes
            if (arrivals.Count > 0)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await stop.CancelAsync();
        await running;
        await server;
        Assert.Equal(0, spool.Pending("rules"));
        Assert.Equal(2, arrivals.Count);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(120), $"retried after {arrivals[1] - arrivals[0]}");
    }

    [Fact]
    public void RetryAfter_AsSecondsOrHttpDate_IsCapped()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var cap = TimeSpan.FromMinutes(5);
        Assert.Equal(TimeSpan.FromSeconds(7), DestinationSender.ServerDelay(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now, cap));
        Assert.Equal(TimeSpan.FromSeconds(90), DestinationSender.ServerDelay(new RetryConditionHeaderValue(now.AddSeconds(90)), now, cap));
        Assert.Equal(cap, DestinationSender.ServerDelay(new RetryConditionHeaderValue(TimeSpan.FromDays(1)), now, cap));
        Assert.Equal(TimeSpan.Zero, DestinationSender.ServerDelay(new RetryConditionHeaderValue(now.AddSeconds(-30)), now, cap));
        Assert.Null(DestinationSender.ServerDelay(null, now, cap));
    }
}
