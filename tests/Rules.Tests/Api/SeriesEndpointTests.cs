using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>GET /api/v1/series over real HTTP: the recent points of the series the web dashboard charts.</summary>
public class SeriesEndpointTests
{
    private const long T0 = 1_795_000_000_000;
    private const string Cpu = "azlocal_node_cpu_utilization_ratio";

    private static async Task PostAsync(RunningRules rules, Otlp otlp)
    {
        using var content = new ByteArrayContent(otlp.Build().ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> GetSeriesAsync(RunningRules rules, string query)
    {
        using var response = await rules.Client.GetAsync(new Uri($"/api/v1/series?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("series").Clone();
    }

    private static async Task FeedCpuAsync(RunningRules rules, string cluster, string node, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            await PostAsync(rules, new Otlp(cluster, node).Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(values[i], T0 + (i * 5000))));
        }
    }

    [Fact]
    public async Task Get_ReturnsRecentPointsOldestFirst_WithLabels()
    {
        await using var rules = await RunningRules.StartAsync();
        await FeedCpuAsync(rules, "c1", "n1", 0.1, 0.2, 0.3);

        var series = await GetSeriesAsync(rules, $"metric={Cpu}&cluster=c1");

        var one = Assert.Single(series.EnumerateArray());
        Assert.Equal(Cpu, one.GetProperty("metric").GetString());
        Assert.Equal("n1", one.GetProperty("labels").GetProperty("node").GetString());
        Assert.Equal("c1", one.GetProperty("labels").GetProperty("cluster").GetString());
        Assert.True(one.GetProperty("fresh").GetBoolean());
        Assert.Equal(0.3, one.GetProperty("value").GetDouble());
        var points = one.GetProperty("points").EnumerateArray().Select(p => (p[0].GetInt64(), p[1].GetDouble())).ToList();
        Assert.Equal([(T0, 0.1), (T0 + 5000, 0.2), (T0 + 10000, 0.3)], points);
    }

    [Fact]
    public async Task Get_PointsCapsTheHistory_AndZeroGivesTheLatestValueOnly()
    {
        await using var rules = await RunningRules.StartAsync();
        await FeedCpuAsync(rules, "c1", "n1", 0.1, 0.2, 0.3);

        var two = Assert.Single((await GetSeriesAsync(rules, $"metric={Cpu}&points=2")).EnumerateArray());
        var none = Assert.Single((await GetSeriesAsync(rules, $"metric={Cpu}&points=0")).EnumerateArray());

        Assert.Equal([0.2, 0.3], two.GetProperty("points").EnumerateArray().Select(p => p[1].GetDouble()));
        Assert.Empty(none.GetProperty("points").EnumerateArray());
        Assert.Equal(0.3, none.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Get_HistoryIsARingOfHistoryLengthPoints()
    {
        await using var rules = await RunningRules.StartAsync("--Series:HistoryLength", "4");
        await FeedCpuAsync(rules, "c1", "n1", 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

        var one = Assert.Single((await GetSeriesAsync(rules, $"metric={Cpu}")).EnumerateArray());

        Assert.Equal([0.3, 0.4, 0.5, 0.6], one.GetProperty("points").EnumerateArray().Select(p => p[1].GetDouble()));
    }

    [Fact]
    public async Task Get_FiltersByClusterNodeAndMetric()
    {
        await using var rules = await RunningRules.StartAsync();
        await FeedCpuAsync(rules, "c1", "n1", 0.1);
        await FeedCpuAsync(rules, "c1", "n2", 0.2);
        await FeedCpuAsync(rules, "c2", "n1", 0.3);
        await PostAsync(rules, new Otlp("c1", "n1").Gauge(Instruments.ClusterQuorum, 1));

        var c1 = await GetSeriesAsync(rules, $"metric={Cpu}&cluster=c1");
        var n1 = await GetSeriesAsync(rules, $"metric={Cpu}&node=n1");
        var both = await GetSeriesAsync(rules, $"metric={Cpu}&metric=azlocal_cluster_quorum&cluster=c1");
        var unknown = await GetSeriesAsync(rules, $"metric={Cpu}&cluster=nope");

        Assert.Equal(["n1", "n2"], c1.EnumerateArray().Select(s => s.GetProperty("labels").GetProperty("node").GetString()));
        Assert.Equal(["c1", "c2"], n1.EnumerateArray().Select(s => s.GetProperty("labels").GetProperty("cluster").GetString()));
        Assert.Equal([Cpu, Cpu, "azlocal_cluster_quorum"], both.EnumerateArray().Select(s => s.GetProperty("metric").GetString()));
        Assert.Empty(unknown.EnumerateArray());
    }

    [Fact]
    public async Task Get_NonFiniteValuesAreNull()
    {
        await using var rules = await RunningRules.StartAsync();
        await FeedCpuAsync(rules, "c1", "n1", double.NaN);

        var one = Assert.Single((await GetSeriesAsync(rules, $"metric={Cpu}")).EnumerateArray());

        Assert.Equal(JsonValueKind.Null, one.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("points")[0][1].ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cluster=c1")]
    [InlineData("metric=m&points=-1")]
    [InlineData("metric=m&points=many")]
    public async Task Get_BadQuery_Is400WithAReason(string query)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.GetAsync(new Uri($"/api/v1/series?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TooManyMetrics_Is400()
    {
        await using var rules = await RunningRules.StartAsync();
        var query = string.Join('&', Enumerable.Range(0, 33).Select(i => $"metric=m{i}"));

        using var response = await rules.Client.GetAsync(new Uri($"/api/v1/series?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
