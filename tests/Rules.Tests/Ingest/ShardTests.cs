using System.Net;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// <c>Shard:Clusters</c>: a shard stores and alerts on the clusters it owns (names or globs) and refuses a report for
/// any other whole, with 421 Misdirected Request, the reason, and counters.
/// </summary>
public class ShardTests
{
    private static async Task<HttpResponseMessage> PostAsync(RunningRules rules, params string[] clusters)
    {
        var otlp = new Otlp(clusters[0], "node-1").Gauge(Instruments.ClusterQuorum, 0);
        foreach (var other in clusters.Skip(1))
        {
            otlp.Gauge(Instruments.ClusterQuorum, 0, ("cluster", other));
        }

        using var content = new ByteArrayContent(otlp.Build().ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        return await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
    }

    [Fact]
    public async Task OwnedClusters_AreStored_OthersRefusedWhole_WithTheReasonAndCounted()
    {
        await using var rules = await RunningRules.StartAsync("--Shard:Name", "eu", "--Shard:Clusters:0", "eu-*", "--Shard:Clusters:1", "lab");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(rules, "eu-paris")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(rules, "lab")).StatusCode);
        using var refused = await PostAsync(rules, "us-dallas");
        using var mixed = await PostAsync(rules, "eu-berlin", "us-austin");

        Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
        var reason = await refused.Content.ReadAsStringAsync();
        Assert.Contains("shard 'eu' does not own cluster(s) 'us-dallas'", reason, StringComparison.Ordinal);
        Assert.Contains("eu-*,lab", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, mixed.StatusCode);

        var clusters = await rules.Client.GetStringAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        Assert.Contains("\"eu-paris\"", clusters, StringComparison.Ordinal);
        Assert.DoesNotContain("us-dallas", clusters, StringComparison.Ordinal);
        Assert.DoesNotContain("eu-berlin", clusters, StringComparison.Ordinal); // a refused report stores nothing, not even its owned part
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlm_ingest_requests_total{encoding=\"protobuf\",outcome=\"misdirected\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"not_this_shard\"} 3", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoShardConfigured_OwnsEveryCluster()
    {
        await using var rules = await RunningRules.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(rules, "anything")).StatusCode);
    }
}
