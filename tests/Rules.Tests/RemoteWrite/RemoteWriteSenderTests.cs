using AzLocalMonitor.Rules.RemoteWrite;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AzLocalMonitor.Rules.Tests.RemoteWrite;

/// <summary>The buffer and the sender against a loopback receiver that decodes what the spec says a receiver gets.</summary>
public sealed class RemoteWriteSenderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RemoteWriteReceiver _receiver = new();

    public void Dispose()
    {
        _receiver.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Sends_SnappyProtobuf_WithTheSpecHeaders_AndTheBearerToken()
    {
        var destination = new RemoteWriteDestination(_receiver.Url, "s3cret", null, null);
        using var buffer = new RemoteWriteBuffer(Options(), [destination]);
        Append(buffer, clusters: 3, perCluster: 5);

        await SendAllAsync(buffer, destination, expected: 15);

        Assert.All(_receiver.Accepted, r =>
        {
            Assert.Equal("snappy", r.ContentEncoding);
            Assert.Equal("application/x-protobuf", r.ContentType);
            Assert.Equal("0.1.0", r.Version);
            Assert.Equal("Bearer s3cret", r.Authorization);
        });
        // Per series, samples arrive oldest first (one cluster → one shard → in order).
        foreach (var series in _receiver.Series.GroupBy(s => string.Join(',', s.Labels.Select(l => l.Value))))
        {
            var times = series.Select(s => s.Samples.Single().Timestamp).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    [Fact]
    public async Task BasicAuth_IsSentAsTheSpecsForBasicAuth()
    {
        var destination = new RemoteWriteDestination(_receiver.Url, null, "rules", "p:w");
        using var buffer = new RemoteWriteBuffer(Options(), [destination]);
        Append(buffer, clusters: 1, perCluster: 1);

        await SendAllAsync(buffer, destination, expected: 1);

        Assert.Equal("Basic " + Convert.ToBase64String("rules:p:w"u8.ToArray()), _receiver.Accepted.Single().Authorization);
    }

    [Fact]
    public async Task FiveHundredsAndTooManyRequests_AreRetried_UntilAccepted_WithNothingLostOrDoubled()
    {
        _receiver.Statuses.Enqueue(503);
        _receiver.Statuses.Enqueue(429);
        _receiver.Statuses.Enqueue(500);
        var destination = new RemoteWriteDestination(_receiver.Url, null, null, null);
        using var buffer = new RemoteWriteBuffer(Options(shards: 1), [destination]);
        Append(buffer, clusters: 1, perCluster: 10);

        var sender = await SendAllAsync(buffer, destination, expected: 10);

        Assert.Equal(10, _receiver.Series.Count());
        Assert.Equal(30, sender.Failed); // three failed attempts of the one 10-sample batch
        Assert.Equal(0, sender.Rejected);
    }

    [Fact]
    public async Task ABadRequest_IsNotRetried_TheBatchIsDroppedAndCounted()
    {
        _receiver.Statuses.Enqueue(400);
        var destination = new RemoteWriteDestination(_receiver.Url, null, null, null);
        using var buffer = new RemoteWriteBuffer(Options(shards: 1), [destination]);
        Append(buffer, clusters: 1, perCluster: 4);

        var sender = await SendAllAsync(buffer, destination, expected: 0);

        Assert.Equal(4, sender.Rejected);
        Assert.Equal(1, _receiver.Attempts);
        Assert.Empty(_receiver.Accepted);
    }

    [Fact]
    public async Task WhatWasAppended_IsSentByTheNextProcess_AndWhatWasSentIsNotSentAgain()
    {
        var destination = new RemoteWriteDestination(_receiver.Url, null, null, null);
        using (var first = new RemoteWriteBuffer(Options(), [destination]))
        {
            Append(first, clusters: 2, perCluster: 3, startMs: 1_000);
            await SendAllAsync(first, destination, expected: 6);
            Append(first, clusters: 2, perCluster: 3, startMs: 2_000); // never sent: Rules stops here
        }

        using var second = new RemoteWriteBuffer(Options(), [destination]);
        Assert.Equal(6, second.Cursors[destination].Sum(c => c.Pending));
        await SendAllAsync(second, destination, expected: 6);

        Assert.Equal(12, _receiver.Series.Count());
        Assert.Equal(12, _receiver.Series.Select(s => (string.Join(',', s.Labels.Select(l => l.Value)), s.Samples.Single().Timestamp)).Distinct().Count());
    }

    [Fact]
    public async Task PastTheSizeLimit_TheOldestSegmentsAreDroppedAndCounted()
    {
        var destination = new RemoteWriteDestination(_receiver.Url, null, null, null);
        using var buffer = new RemoteWriteBuffer(Options(shards: 1, segmentBytes: 4096, maxBytes: 8192), [destination]);
        Append(buffer, clusters: 1, perCluster: 1000);
        var cursor = buffer.Cursors[destination].Single();
        Assert.True(cursor.DroppedCount > 0, "nothing dropped");
        Assert.True(buffer.Shards[0].Bytes <= 8192 + 4096 + 200, $"buffer holds {buffer.Shards[0].Bytes} bytes");
        var kept = 1000 - cursor.DroppedCount;

        await SendAllAsync(buffer, destination, expected: (int)kept);

        // What is kept is the newest, complete and in order.
        var times = _receiver.Series.Select(s => s.Samples.Single().Timestamp).ToList();
        Assert.Equal(Enumerable.Range(1000 - (int)kept, (int)kept).Select(i => 1_000_000L + i), times);
    }

    [Theory]
    [InlineData(ResetPoint.OnAccept, 400)]
    [InlineData(ResetPoint.AfterRequest, 20)]
    public async Task ResetConnections_AreRetried_UntilTheStoreAnswers(ResetPoint point, int resets)
    {
        // A reset right after the TCP connect can make SocketsHttpHandler throw a bare SocketException, not an
        // HttpRequestException (found under the agent, see Collector.Tests ConnectionResetTests); the retry must
        // take it like any network failure instead of ending the shard's loop.
        using var store = new ResettingHttpServer(resets, point);
        var destination = new RemoteWriteDestination(new Uri(store.Url, "api/v1/write"), null, null, null);
        using var http = new HttpClient();
        var sender = new RemoteWriteSender(http, destination, [], new RemoteWriteOptions { MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) }, NullLogger.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await sender.SendAsync(new byte[] { 1, 2, 3 }, samples: 7, stop.Token);

        Assert.Equal(7, sender.Sent);
        Assert.Equal(resets * 7, sender.Failed);
        Assert.Equal(resets + 1, store.Connections);
    }

    private RemoteWriteOptions Options(int shards = 2, long segmentBytes = 1 << 20, long maxBytes = 1 << 24) => new()
    {
        WalPath = _dir.File("wal"),
        Shards = shards,
        SegmentBytes = segmentBytes,
        MaxBufferBytes = maxBytes,
        MinBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
    };

    private static void Append(RemoteWriteBuffer buffer, int clusters, int perCluster, long startMs = 1_000_000)
    {
        var tap = new RemoteWriteTap(buffer, new RemoteWriteOptions());
        for (var i = 0; i < perCluster; i++)
        {
            var batch = tap.Begin();
            for (var c = 0; c < clusters; c++)
            {
                var cluster = $"c{c}";
                batch.Add(cluster, "azlocal_cluster_quorum", LabelSet.Of("cluster", cluster), i, startMs + i);
            }

            batch.Commit();
        }
    }

    /// <summary>Runs the sender until <paramref name="expected"/> samples arrived and nothing is pending.</summary>
    private async Task<RemoteWriteSender> SendAllAsync(RemoteWriteBuffer buffer, RemoteWriteDestination destination, int expected)
    {
        var before = _receiver.Series.Count();
        using var http = new HttpClient();
        var sender = new RemoteWriteSender(http, destination, buffer.Cursors[destination], new RemoteWriteOptions { MinBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) }, NullLogger.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = sender.RunAsync(stop.Token);
        while (!stop.IsCancellationRequested && (_receiver.Series.Count() - before < expected || sender.Cursors.Any(c => c.Pending > 0)))
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await run;
        Assert.Equal(expected, _receiver.Series.Count() - before);
        return sender;
    }
}
