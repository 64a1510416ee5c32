using System.Net.Http.Headers;
using System.Text.Json;
using AzLocalMonitor.Integration.Tests.Agent;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.Alerting;

/// <summary>
/// kill -9 during a burst of alert changes: after a restart on the same state file, every alert Alertmanager was told
/// is firing comes back firing with the same start (no firing alert lost), and nothing is sent firing again with a
/// new start (no page repeated). The receiving end is a capturing HTTP server standing in for Alertmanager's v2 API.
/// </summary>
public sealed class KillNineTests
{
    /// <summary>
    /// The burst goes on until Rules dies (at most this many clusters, under the default cluster limit): the kill always
    /// falls in the middle of it, however fast the machine (a fixed burst of 300 once finished before the kill).
    /// </summary>
    private const int Clusters = 1_900;

    [Fact]
    public async Task SigkillDuringABurst_LosesNoFiringAlert_AndRepeatsNoPage()
    {
        using var sink = new CapturingHttpServer();
        var state = Directory.CreateTempSubdirectory("azlm-kill9-").FullName;
        var port = FreePort.Next();
        string[] args = ["--Alertmanager:Url", sink.Url.ToString().TrimEnd('/'), "--Alertmanager:Timeout", "00:00:02"];
        using var http = new HttpClient();

        var rules = await RulesProcess.StartAsync(port, state, args);
        var lost = 0;
        var burst = Task.Run(async () =>
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Clusters), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            {
                try
                {
                    await PostAsync(http, rules.BaseAddress, $"c{i:0000}", quorum: 0);
                }
                catch (HttpRequestException e) when (e.StatusCode is null)
                {
                    // Rules was killed mid-burst (no response): that report is simply lost, as it would be for an agent (which retries).
                    Interlocked.Increment(ref lost);
                }
            });
        });
        await Poll.UntilAsync(() => Task.FromResult(Firing(sink).Count >= 40 ? "some sent" : null), TimeSpan.FromSeconds(60), "the first pages");
        await rules.KillAsync();
        await burst;
        var beforeKill = Firing(sink);
        Assert.True(lost > 0, "the burst ended before the kill: nothing was killed mid-burst"); // killed mid-burst, not after it
        Assert.True(beforeKill.Count >= 40, $"only {beforeKill.Count} pages before the kill");

        await using var restarted = await RulesProcess.StartAsync(port, state, args);
        var restored = await FiringAtRulesAsync(http, restarted.BaseAddress);
        foreach (var (cluster, startsAt) in beforeKill)
        {
            Assert.True(restored.TryGetValue(cluster, out var firedAt), $"{cluster}: Alertmanager was told it is firing, but Rules lost it");
            Assert.Equal(startsAt, firedAt);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // the restored state is evaluated by the timer (warm-up, resends)
        foreach (var (cluster, starts) in FiringAll(sink))
        {
            Assert.True(starts.Count == 1, $"{cluster} was sent firing with {starts.Count} different starts: a repeated page");
        }
    }

    private static async Task PostAsync(HttpClient http, Uri rules, string cluster, int quorum)
    {
        using var content = new ByteArrayContent(new Otlp(cluster, "node-1").Gauge(Instruments.ClusterQuorum, quorum).Build().ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await http.PostAsync(new Uri(rules, "/v1/metrics"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The first firing start Alertmanager heard per cluster.</summary>
    private static Dictionary<string, DateTimeOffset> Firing(CapturingHttpServer sink) =>
        FiringAll(sink).ToDictionary(kv => kv.Key, kv => kv.Value.Min());

    private static Dictionary<string, HashSet<DateTimeOffset>> FiringAll(CapturingHttpServer sink)
    {
        var result = new Dictionary<string, HashSet<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var body in sink.Bodies.ToArray())
        {
            using var doc = JsonDocument.Parse(body);
            foreach (var alert in doc.RootElement.EnumerateArray())
            {
                var labels = alert.GetProperty("labels");
                if (labels.GetProperty("alertname").GetString() != "AzLocalQuorumLost" || alert.GetProperty("endsAt").GetDateTimeOffset() <= alert.GetProperty("startsAt").GetDateTimeOffset())
                {
                    continue;
                }

                var cluster = labels.GetProperty("cluster").GetString()!;
                if (!result.TryGetValue(cluster, out var starts))
                {
                    result[cluster] = starts = [];
                }

                starts.Add(alert.GetProperty("startsAt").GetDateTimeOffset());
            }
        }

        return result;
    }

    private static async Task<Dictionary<string, DateTimeOffset>> FiringAtRulesAsync(HttpClient http, Uri rules)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(rules, "/api/v1/alerts")));
        return doc.RootElement.GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("name").GetString() == "AzLocalQuorumLost" && a.GetProperty("state").GetString() == "firing")
            .ToDictionary(a => a.GetProperty("labels").GetProperty("cluster").GetString()!, a => a.GetProperty("firedAt").GetDateTimeOffset());
    }
}
