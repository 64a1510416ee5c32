using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Auth;

/// <summary>
/// Per-token rate limits: a token past its bucket gets 429 with Retry-After; another token is not slowed by it.
/// Counted in requests, with buckets that refill once a minute, so the test does not depend on how fast it runs.
/// </summary>
public class RateLimitTests
{
    private static StringContent Silence() =>
        new("""{"matchers":["cluster=\"bank-a\""],"duration":"1h","comment":"CHG-7"}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnOperatorPastItsWriteBucket_Gets429WithRetryAfter_AnotherOperatorDoesNot()
    {
        await using var rules = await TokenRules.StartAsync("--RateLimits:WritesPerMinute", "1", "--RateLimits:WritesBurst", "3");
        using var ops = TokenRules.Client(rules, TokenRules.OperatorSecret);
        using var admin = TokenRules.Client(rules, TokenRules.AdminSecret);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await ops.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Silence());
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero, "429 without Retry-After");
            }
        }

        using var other = await admin.PostAsync(new Uri("/api/v1/silences", UriKind.Relative), Silence());

        Assert.Equal(3, codes.Count(c => c == HttpStatusCode.Created));
        Assert.Equal(2, codes.Count(c => c == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task AnAgentPastItsIngestBucket_Gets429()
    {
        await using var rules = await TokenRules.StartAsync("--RateLimits:IngestPerSecond", "1", "--RateLimits:IngestBurst", "2");
        using var agent = TokenRules.Client(rules, TokenRules.AgentSecret);
        var body = new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, 1).Build().ToByteArray();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            using var response = await agent.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
            codes.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.Equal(HttpStatusCode.OK, codes[0]);
    }
}
