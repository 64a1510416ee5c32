using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Auth;

/// <summary>
/// The attacks of issue 12, tried against the real Rules on loopback with tokens required: without a credential
/// nobody writes, mutes or reads; each role does only its part, on its clusters; the audit trail names the token.
/// </summary>
public class AuthenticationTests
{
    private static ByteArrayContent Protobuf(ExportMetricsServiceRequest request)
    {
        var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Window(string cluster) => JsonSerializer.Serialize(new
    {
        name = "patch night", cluster, start = DateTimeOffset.UtcNow.AddHours(-1), end = DateTimeOffset.UtcNow.AddHours(2), reason = "CHG-1",
    });

    private static string SilenceFor(string matcher) =>
        JsonSerializer.Serialize(new { matchers = new[] { matcher }, duration = "2h", comment = "CHG-2" });

    [Fact]
    public async Task WithoutAToken_NobodyWritesMutesOrReads_401_AndNothingIsStored()
    {
        await using var rules = await TokenRules.StartAsync();
        using var anonymous = TokenRules.Client(rules, null);
        var quorumLost = new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, 0).Build();

        var writes = new List<HttpResponseMessage>
        {
            await anonymous.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Protobuf(quorumLost)),
            await anonymous.PostAsync(new Uri("/api/v1/maintenance", UriKind.Relative), Json(Window("bank-a"))),
            await anonymous.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=\"bank-a\""))),
            await anonymous.DeleteAsync(new Uri("/api/v1/maintenance/api:x", UriKind.Relative)),
            await anonymous.PostAsync(new Uri("/api/v1/policy/reload", UriKind.Relative), null),
        };
        string[] reads = ["/api/v1/alerts", "/api/v1/clusters", "/api/v1/series?metric=azlocal_cluster_quorum", "/api/v1/audit", "/api/v1/policy",
            "/api/v1/maintenance", "/api/v1/silences", "/api/v1/capacity", "/metrics", "/ui/", "/ui/alerts", "/ui/assets/app.js"];
        foreach (var path in reads)
        {
            writes.Add(await anonymous.GetAsync(new Uri(path, UriKind.Relative)));
        }

        Assert.All(writes, r => Assert.True(r.StatusCode == HttpStatusCode.Unauthorized, $"{r.RequestMessage!.Method} {r.RequestMessage.RequestUri}: {r.StatusCode}"));
        Assert.All(writes, r => Assert.Equal("Bearer", r.Headers.WwwAuthenticate.Single().Scheme));
        using var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var viewer = TokenRules.Client(rules, TokenRules.ViewerSecret);
        var clusters = await viewer.GetStringAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        Assert.DoesNotContain("bank-a", clusters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongToken_OrAnotherScheme_Is401()
    {
        await using var rules = await TokenRules.StartAsync();
        using var wrong = TokenRules.Client(rules, TokenRules.ViewerSecret + "x");
        using var basic = TokenRules.Client(rules, null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("viewer:" + TokenRules.ViewerSecret)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await basic.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnAgentToken_WritesOnlyItsClusters_OthersArePartialSuccess_NeverStored_AndCounted()
    {
        await using var rules = await TokenRules.StartAsync();
        using var agent = TokenRules.Client(rules, TokenRules.AgentSecret);
        var request = new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, 1).Build();
        request.ResourceMetrics.Add(new Otlp("retail-7", "n1").Gauge(Instruments.ClusterQuorum, 0).Gauge(Instruments.ClusterVotesPresent, 1).Build().ResourceMetrics[0]);

        using var response = await agent.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Protobuf(request));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, reply.PartialSuccess.RejectedDataPoints);
        Assert.Contains("may not write", reply.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        using var viewer = TokenRules.Client(rules, TokenRules.ViewerSecret);
        var metrics = await viewer.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlocal_cluster_quorum{cluster=\"bank-a\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("retail-7", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"cluster_not_allowed\"} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_total 1\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentToken_CannotReadOrMute_403()
    {
        await using var rules = await TokenRules.StartAsync();
        using var agent = TokenRules.Client(rules, TokenRules.AgentSecret);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=\"bank-a\"")))).StatusCode);
    }

    [Fact]
    public async Task AViewerToken_Reads_ButCannotSilenceMaintainReloadOrIngest_403()
    {
        await using var rules = await TokenRules.StartAsync();
        using var viewer = TokenRules.Client(rules, TokenRules.ViewerSecret);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri("/ui/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=\"bank-a\"")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri("/api/v1/maintenance", UriKind.Relative), Json(Window("bank-a")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri("/api/v1/policy/reload", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Protobuf(new Otlp("bank-a").Gauge(Instruments.ClusterQuorum, 0).Build()))).StatusCode);
        var silences = await viewer.GetStringAsync(new Uri("/api/v1/silences", UriKind.Relative));
        Assert.Equal("""{"silences":[]}""", silences);
    }

    [Fact]
    public async Task AnOperator_ActsOnlyOnItsClusters_AndTheAuditNamesTheToken_NotTheHeader()
    {
        await using var rules = await TokenRules.StartAsync();
        using var ops = TokenRules.Client(rules, TokenRules.OperatorSecret);
        ops.DefaultRequestHeaders.Add("X-AzLM-Actor", "mallory");

        using var own = await ops.PostAsync(new Uri("/api/v1/maintenance", UriKind.Relative), Json(Window("bank-a")));
        using var other = await ops.PostAsync(new Uri("/api/v1/maintenance", UriKind.Relative), Json(Window("bank-b")));
        using var pinned = await ops.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=\"bank-a\"")));
        using var unpinned = await ops.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("alertname=\"AzLocalCpuHigh\"")));
        using var regex = await ops.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=~\"bank-.*\"")));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("bank-b", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unpinned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, regex.StatusCode);

        using var audit = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/v1/audit", UriKind.Relative)));
        var entries = audit.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("ops", e.GetProperty("actor").GetString()));
        Assert.All(entries, e =>
        {
            using var details = JsonDocument.Parse(e.GetProperty("details").GetString()!);
            Assert.Equal("mallory", details.RootElement.GetProperty("onBehalfOf").GetString());
            Assert.Equal("127.0.0.1", details.RootElement.GetProperty("remoteAddress").GetString());
        });
        var silences = await ops.GetStringAsync(new Uri("/api/v1/silences", UriKind.Relative));
        Assert.Contains("\"createdBy\":\"ops\"", silences, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminGivenByHashOnly_MaySilenceAnything()
    {
        await using var rules = await TokenRules.StartAsync();
        using var admin = TokenRules.Client(rules, TokenRules.AdminSecret);

        using var silence = await admin.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("alertname=\"AzLocalCpuHigh\"")));
        using var ingest = await admin.PostAsync(new Uri("/v1/metrics", UriKind.Relative), Protobuf(new Otlp("anything").Gauge(Instruments.ClusterQuorum, 1).Build()));

        Assert.Equal(HttpStatusCode.Created, silence.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Null(ExportMetricsServiceResponse.Parser.ParseFrom(await ingest.Content.ReadAsByteArrayAsync()).PartialSuccess);
    }

    [Fact]
    public async Task AnonymousMetrics_OpensOnlyMetrics()
    {
        await using var rules = await TokenRules.StartAsync("--Auth:AnonymousMetrics", "true");
        using var anonymous = TokenRules.Client(rules, null);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TheDashboardSignsInOnce_WithACookieThatReadsButNeverWrites()
    {
        await using var rules = await TokenRules.StartAsync();
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = rules.BaseAddress };

        using var page = await browser.GetAsync(new Uri("/ui/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/ui/login\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var bad = await browser.PostAsync(new Uri("/ui/login", UriKind.Relative), new FormUrlEncodedContent([new("token", "nope")]));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        using var login = await browser.PostAsync(new Uri("/ui/login", UriKind.Relative), new FormUrlEncodedContent([new("token", TokenRules.AdminSecret)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/ui/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative))).StatusCode);
        using var write = await browser.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Json(SilenceFor("cluster=\"bank-a\"")));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }
}
