using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>Silences over real HTTP: validation as Alertmanager does it, muting without relabelling, expiry, audit.</summary>
public class SilenceEndpointsTests
{
    private static async Task<HttpResponseMessage> PostSilenceAsync(RunningRules rules, object body, string? actor = "alice")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/silences", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (actor is not null)
        {
            request.Headers.Add("X-AzLM-Actor", actor);
        }

        return await rules.Client.SendAsync(request);
    }

    private static async Task<JsonElement> QuorumLostAsync(RunningRules rules)
    {
        using var doc = JsonDocument.Parse(await rules.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative)));
        return doc.RootElement.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "AzLocalQuorumLost").Clone();
    }

    [Theory]
    [InlineData("""{"matchers":["alertname=~\".*\""],"duration":"1h","comment":"everything"}""", "must not match the empty string")]
    [InlineData("""{"matchers":[],"duration":"1h","comment":"nothing named"}""", "at least one matcher")]
    [InlineData("""{"matchers":["cluster=\"c1\""],"duration":"1h"}""", "comment is required")]
    [InlineData("""{"matchers":["cluster=\"c1\""],"duration":"90d","comment":"forever"}""", "at most 30 days")]
    [InlineData("""{"matchers":["cluster\"c1\""],"duration":"1h","comment":"typo"}""", "is not a matcher")]
    [InlineData("""{"matchers":["node=~\"(\""],"duration":"1h","comment":"bad regex"}""", "invalid regular expression")]
    public async Task Create_RefusesWhatAlertmanagerRefuses(string json, string error)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await PostSilenceAsync(rules, JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutAnActor_IsRefused()
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await PostSilenceAsync(rules, new { matchers = new[] { "cluster=\"c1\"" }, duration = "1h", comment = "x" }, actor: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ASilence_MutesWithoutRelabelling_AndExpiringItUnmutes_BothAudited()
    {
        await using var rules = await RunningRules.StartAsync();
        using var created = await PostSilenceAsync(rules, new { matchers = new[] { "cluster=\"c1\"", "alertname=\"AzLocalQuorumLost\"" }, duration = "2h", comment = "witness swap CHG-42" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var content = new ByteArrayContent(new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 0).Build().ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        (await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();

        var muted = await QuorumLostAsync(rules);
        Assert.Equal("firing", muted.GetProperty("state").GetString());
        Assert.Equal("critical", muted.GetProperty("severity").GetString());
        Assert.Equal("silence", muted.GetProperty("mutedStage").GetString());
        Assert.Contains("alice", muted.GetProperty("mutedBy").GetString(), StringComparison.Ordinal);

        using var expire = new HttpRequestMessage(HttpMethod.Delete, new Uri($"/api/v1/silences/{id}", UriKind.Relative));
        expire.Headers.Add("X-AzLM-Actor", "bob");
        Assert.Equal(HttpStatusCode.NoContent, (await rules.Client.SendAsync(expire)).StatusCode);

        // The change asks for a re-evaluation at the next tick (1 s).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await QuorumLostAsync(rules)).GetProperty("mutedBy").ValueKind != JsonValueKind.Null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the alert is still muted after the silence expired");
            await Task.Delay(200);
        }

        var silences = (await rules.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/silences", UriKind.Relative))).GetProperty("silences");
        Assert.Equal("expired", silences.EnumerateArray().Single().GetProperty("status").GetString());
        var audit = (await rules.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit", UriKind.Relative))).GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([("bob", "silence.expire"), ("alice", "silence.create")], audit);
    }
}
