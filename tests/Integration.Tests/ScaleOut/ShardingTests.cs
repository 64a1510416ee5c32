using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.ScaleOut;

/// <summary>
/// Sharding by cluster (issue 13 item 2), composed with HA: three shards of two replicas each own a third of a fleet of
/// six simulated clusters (by glob), a real Alertmanager takes every shard's alerts, and every cluster loses quorum.
/// Each cluster's alert reaches Alertmanager from its owner shard only (generatorURL names the shard), no shard holds
/// another's cluster, and a report sent to the wrong shard is refused with 421 and counted.
/// </summary>
public sealed class ShardingTests
{
    private static readonly string[] Shards = ["east", "west", "north"];

    [Fact]
    public async Task Fleet_SpreadOverThreeShards_AlertsComeFromTheOwnerOnly_AndAMisdirectedReportIsRefused()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        var replicas = new Dictionary<string, List<RulesServer>>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var output = TextWriter.Synchronized(new StringWriter());
        var agents = new List<Task<int>>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            foreach (var shard in Shards)
            {
                replicas[shard] = [];
                for (var r = 0; r < 2; r++)
                {
                    replicas[shard].Add(await RulesServer.StartAsync(alertmanager.BaseAddress,
                        "--Shard:Name", shard, "--Shard:Clusters:0", shard + "-*", "--Alertmanager:GeneratorUrl", $"http://{shard}.shard.test"));
                }
            }

            // Six clusters, two per shard; each agent exports to both replicas of its cluster's shard.
            var fleet = Shards.SelectMany(s => new[] { $"{s}-1", $"{s}-2" }).ToList();
            foreach (var cluster in fleet)
            {
                var shard = cluster[..cluster.IndexOf('-', StringComparison.Ordinal)];
                var spool = Directory.CreateTempSubdirectory("azlm-shard-spool-").FullName;
                string[] args =
                [
                    "--source", "simulated", "--scenario", "quorum-loss", "--cluster", cluster, "--node", "agent-" + cluster, "--interval", "2s",
                    "--rules", replicas[shard][0].BaseAddress.ToString(), "--rules", replicas[shard][1].BaseAddress.ToString(), "--spool", spool,
                ];
                agents.Add(Task.Run(() => CollectorApp.RunAsync(args, output, output, stop.Token)));
            }

            var alerts = await Poll.UntilAsync(
                async () => (await alertmanager.GetAlertsAsync(http)).Where(a => Label(a, "alertname") == "AzLocalQuorumLost").ToList() is { } found
                    && found.Select(a => Label(a, "cluster")).Distinct().Count() == fleet.Count ? found : null,
                TimeSpan.FromSeconds(120), "AzLocalQuorumLost of every cluster in Alertmanager", () => output + alertmanager.Output);

            // One alert per cluster (the two replicas' copies merged), sent by the shard that owns it.
            Assert.Equal(fleet.Count, alerts.Count);
            foreach (var alert in alerts)
            {
                var cluster = Label(alert, "cluster")!;
                Assert.StartsWith($"http://{cluster[..cluster.IndexOf('-', StringComparison.Ordinal)]}.shard.test/", alert.GetProperty("generatorURL").GetString(), StringComparison.Ordinal);
            }

            // No shard holds, or alerts on, a cluster it does not own.
            foreach (var (shard, servers) in replicas)
            {
                foreach (var server in servers)
                {
                    var held = await ClustersAsync(http, server.BaseAddress);
                    Assert.Equal([$"{shard}-1", $"{shard}-2"], held);
                }
            }

            // A report for an east cluster sent to a west replica: refused whole, with the reason, and counted.
            var west = replicas["west"][0].BaseAddress;
            using var content = new ByteArrayContent(new Otlp("east-1", "stray-node").Gauge(Instruments.ClusterQuorum, 1).Build().ToByteArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await http.PostAsync(new Uri(west, "/v1/metrics"), content);
            var reason = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            Assert.Contains("shard 'west' does not own cluster(s) 'east-1'", reason, StringComparison.Ordinal);
            var metrics = await http.GetStringAsync(new Uri(west, "/metrics"));
            Assert.Contains("azlm_ingest_requests_total{encoding=\"protobuf\",outcome=\"misdirected\"} 1", metrics, StringComparison.Ordinal);
            Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"not_this_shard\"} 1", metrics, StringComparison.Ordinal);
            Assert.Equal(["west-1", "west-2"], await ClustersAsync(http, west));
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var agent in agents)
            {
                await agent.WaitAsync(TimeSpan.FromSeconds(30));
            }

            foreach (var server in replicas.Values.SelectMany(s => s))
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<List<string>> ClustersAsync(HttpClient http, Uri rules)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(rules, "/api/v1/clusters")));
        return [.. doc.RootElement.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("cluster").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;
}
