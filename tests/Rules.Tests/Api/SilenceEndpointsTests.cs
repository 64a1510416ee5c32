using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>
/// Silences over real HTTP: validation as Alertmanager does it, muting without relabelling, expiry, audit. Rules
/// requires tokens here: alice and bob are operators, and the audit names them by their tokens.
/// </summary>
public class SilenceEndpointsTests
{
    private static readonly Dictionary<string, string> Secrets = new() { ["alice"] = "alice-secret-0123456789", ["bob"] = "bob-secret-0123456789" };

    private static Task<RunningRules> StartAsync() => RunningRules.StartWithTokensAsync(
        "--Auth:Tokens:alice:Secret", Secrets["alice"], "--Auth:Tokens:alice:Roles", "operator,ingest", "--Auth:Tokens:alice:Clusters", "*",
        "--Auth:Tokens:bob:Secret", Secrets["bob"], "--Auth:Tokens:bob:Roles", "operator", "--Auth:Tokens:bob:Clusters", "*");

    private static HttpRequestMessage As(string? actor, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (actor is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets[actor]);
        }

        return request;
    }

    private static async Task<HttpResponseMessage> PostSilenceAsync(RunningRules rules, object body, string? actor = "alice")
    {
        using var request = As(actor, HttpMethod.Post, "/api/v1/silences");
        request.Content = JsonContent.Create(body);
        return await rules.Client.SendAsync(request);
    }

    private static async Task<T> GetAsync<T>(RunningRules rules, string path)
    {
        using var request = As("alice", HttpMethod.Get, path);
        using var response = await rules.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static async Task<JsonElement> QuorumLostAsync(RunningRules rules)
    {
        using var doc = JsonDocument.Parse((await GetAsync<JsonElement>(rules, "/api/v1/alerts")).GetRawText());
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
        await using var rules = await StartAsync();

        using var response = await PostSilenceAsync(rules, JsonDocument.Parse(json).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutAToken_Is401_EvenWithAnActorHeader()
    {
        await using var rules = await StartAsync();
        using var request = As(null, HttpMethod.Post, "/api/v1/silences");
        request.Content = JsonContent.Create(new { matchers = new[] { "cluster=\"c1\"" }, duration = "1h", comment = "x" });
        request.Headers.Add("X-AzLM-Actor", "alice");

        using var response = await rules.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ASilence_MutesWithoutRelabelling_AndExpiringItUnmutes_BothAudited()
    {
        await using var rules = await StartAsync();
        using var created = await PostSilenceAsync(rules, new { matchers = new[] { "cluster=\"c1\"", "alertname=\"AzLocalQuorumLost\"" }, duration = "2h", comment = "witness swap CHG-42" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var content = new ByteArrayContent(new Otlp("c1", "node-1").Gauge(Instruments.ClusterQuorum, 0).Build().ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var post = As("alice", HttpMethod.Post, "/v1/metrics");
        post.Content = content;
        (await rules.Client.SendAsync(post)).EnsureSuccessStatusCode();

        var muted = await QuorumLostAsync(rules);
        Assert.Equal("firing", muted.GetProperty("state").GetString());
        Assert.Equal("critical", muted.GetProperty("severity").GetString());
        Assert.Equal("silence", muted.GetProperty("mutedStage").GetString());
        Assert.Contains("alice", muted.GetProperty("mutedBy").GetString(), StringComparison.Ordinal);

        using var expire = As("bob", HttpMethod.Delete, $"/api/v1/silences/{id}");
        expire.Headers.Add("X-AzLM-Actor", "mallory"); // a comment, never the actor
        Assert.Equal(HttpStatusCode.NoContent, (await rules.Client.SendAsync(expire)).StatusCode);

        // The change asks for a re-evaluation at the next tick (1 s).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((await QuorumLostAsync(rules)).GetProperty("mutedBy").ValueKind != JsonValueKind.Null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the alert is still muted after the silence expired");
            await Task.Delay(200);
        }

        var silences = (await GetAsync<JsonElement>(rules, "/api/v1/silences")).GetProperty("silences");
        Assert.Equal("expired", silences.EnumerateArray().Single().GetProperty("status").GetString());
        var audit = (await GetAsync<JsonElement>(rules, "/api/v1/audit")).GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.Equal([("bob", "silence.expire"), ("alice", "silence.create")], audit);
    }
}
