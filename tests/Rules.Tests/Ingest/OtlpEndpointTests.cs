using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>POST /v1/metrics over real HTTP: good input is stored, bad input is refused and the service keeps serving.</summary>
public class OtlpEndpointTests
{
    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task AssertStillServes(RunningRules rules)
    {
        using var health = await rules.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var ok = new Otlp("alive", "n").Gauge(Instruments.ClusterQuorum, 1).Build().ToByteArray();
        using var post = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(ok, "application/x-protobuf"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Post_Protobuf_IsStoredAndExposedOnMetrics()
    {
        await using var rules = await RunningRules.StartAsync();
        var request = new Otlp("c1", "node-1").Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.25)).Build();

        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(request.ToByteArray(), "application/x-protobuf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var reply = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(reply.PartialSuccess);
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlocal_node_cpu_utilization_ratio{cluster=\"c1\",node=\"node-1\"} 0.25\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_GzipJson_IsAccepted_AndRejectedPointsArePartialSuccess()
    {
        await using var rules = await RunningRules.StartAsync();
        var json = """{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"azlocal.cluster.quorum","gauge":{"dataPoints":[{"asInt":"1"}]}}]}]}]}""";
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(json));
        }

        var content = Body(compressed.ToArray(), "application/json; charset=utf-8");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"rejectedDataPoints\": \"1\"", reply, StringComparison.Ordinal);
        Assert.Contains("without a cluster", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RandomBytes_Is400()
    {
        await using var rules = await RunningRules.StartAsync();
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);

        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(bytes, "application/x-protobuf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Post_TruncatedJson_Is400()
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(Encoding.UTF8.GetBytes("{\"resourceMetrics\":[{\"scope"), "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Post_LengthPrefixPastTheEnd_Is400()
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body([0x0A, 0xFF, 0xFF, 0x03, 0x0A], "application/x-protobuf"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/grpc")]
    public async Task Post_WrongContentType_Is415(string contentType)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body([1, 2, 3], contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Post_64MegabyteBody_Is413()
    {
        await using var rules = await RunningRules.StartAsync();

        // Expect: 100-continue lets the server refuse before the client streams 64 MB (which Kestrel would cut off).
        // The client waits for that answer up to a minute, not the default 1 s: on a loaded machine the 413 took
        // longer, the client started streaming, and Kestrel's close broke the pipe (seen in a full ./test.sh run).
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = rules.BaseAddress,
            Timeout = TimeSpan.FromSeconds(90),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/metrics", UriKind.Relative))
        {
            Content = Body(new byte[64 * 1024 * 1024], "application/x-protobuf"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Is413()
    {
        await using var rules = await RunningRules.StartAsync("--Ingest:MaxRequestBytes", "65536");
        var content = new StreamContent(new MemoryStream(new byte[200_000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/metrics", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await rules.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Post_GzipBomb_Is413()
    {
        await using var rules = await RunningRules.StartAsync("--Ingest:MaxRequestBytes", "65536");
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(new byte[10_000_000]);
        }

        var content = Body(compressed.ToArray(), "application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServes(rules);
    }

    [Fact]
    public async Task Api_AlertsAndClusters_ReflectIngestedQuorumLoss()
    {
        await using var rules = await RunningRules.StartAsync();
        var request = new Otlp("c7", "node-1")
            .Gauge(Instruments.ClusterQuorum, 0)
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "node-2"))
            .Build();
        using var post = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(request.ToByteArray(), "application/x-protobuf"));
        post.EnsureSuccessStatusCode();

        var alerts = await rules.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        var clusters = await rules.Client.GetStringAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("\"name\":\"AzLocalQuorumLost\",\"severity\":\"critical\",\"state\":\"firing\"", alerts, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"AzLocalNodeDown\",\"severity\":\"critical\",\"state\":\"pending\"", alerts, StringComparison.Ordinal);
        Assert.Contains("\"cluster\":\"c7\"", clusters, StringComparison.Ordinal);
        Assert.Contains("\"quorum\":false", clusters, StringComparison.Ordinal);
        Assert.Contains("{\"node\":\"node-2\",\"state\":\"down\"", clusters, StringComparison.Ordinal);
        Assert.Contains("ALERTS{alertname=\"AzLocalQuorumLost\",alertstate=\"firing\",cluster=\"c7\",severity=\"critical\"} 1", metrics, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Metrics_MarkMutedAlerts_ExportActiveAtAndPolicyThresholds_AndHistoryIsServed()
    {
        // Quorum lost inhibits everything else of the cluster (deploy/rules/azlocal-policy.yaml): node-2's NodeDown is
        // held back, so a dashboard counting ALERTS{muted_by=""} counts one page, not two.
        await using var rules = await RunningRules.StartAsync();
        var request = new Otlp("c7", "node-1")
            .Gauge(Instruments.ClusterQuorum, 0)
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "node-2"))
            .Build();
        using var post = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Body(request.ToByteArray(), "application/x-protobuf"));
        post.EnsureSuccessStatusCode();

        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("ALERTS{alertname=\"AzLocalNodeDown\",alertstate=\"pending\",cluster=\"c7\",muted_by=\"inhibition\",node=\"node-2\",severity=\"critical\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("ALERTS{alertname=\"AzLocalQuorumLost\",alertstate=\"firing\",cluster=\"c7\",severity=\"critical\"} 1", metrics, StringComparison.Ordinal);
        var activeAt = metrics.Split('\n').Single(l => l.StartsWith("ALERTS_FOR_STATE{alertname=\"AzLocalQuorumLost\"", StringComparison.Ordinal));
        var seconds = double.Parse(activeAt[(activeAt.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0) - seconds, 0, 300); // both to the millisecond

        // The policy's own numbers, per cluster: the CPU threshold (0.8) and the rebuild RTO (15m = 900 s).
        Assert.Contains("azlocal_policy_threshold{alert=\"AzLocalCpuHigh\",cluster=\"c7\",param=\"threshold\",severity=\"warning\"} 0.8", metrics, StringComparison.Ordinal);
        Assert.Contains("azlocal_policy_threshold{alert=\"AzLocalRebuildSlow\",cluster=\"c7\",param=\"rto\",severity=\"warning\"} 900", metrics, StringComparison.Ordinal);

        // The outbox writes history behind evaluation: poll until it is there (bounded, not a timing assertion).
        var history = string.Empty;
        for (var i = 0; i < 300 && !history.Contains("AzLocalQuorumLost", StringComparison.Ordinal); i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            history = await rules.Client.GetStringAsync(new Uri("/api/v1/clusters/c7/alerts/history", UriKind.Relative));
        }

        Assert.Contains("\"alert\":\"AzLocalQuorumLost\",\"severity\":\"critical\",\"phase\":\"firing\"", history, StringComparison.Ordinal);
        using var unknown = await rules.Client.GetAsync(new Uri("/api/v1/clusters/nope/alerts/history", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var tooMany = await rules.Client.GetAsync(new Uri("/api/v1/clusters/c7/alerts/history?limit=5000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }
}
