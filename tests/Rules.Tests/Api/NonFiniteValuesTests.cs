using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>
/// Found by the fuzz harness (docs/fuzzing.md): one point of +Inf or NaN (valid OTLP doubles) made every later
/// GET /api/v1/clusters a 500 and broke /api/v1/alerts mid-response, because JSON has no number for them. The APIs
/// write them as the strings "Infinity", "-Infinity" and "NaN" instead.
/// </summary>
public sealed class NonFiniteValuesTests
{
    [Fact]
    public async Task InfinityAndNaN_DoNotBreakTheReadApis()
    {
        await using var rules = await RunningRules.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var request = new Otlp("c1", "node-1")
            .Gauge(Instruments.NodeCpuUtilization, string.Empty, Otlp.Point(double.PositiveInfinity, now, ("node", "node-1")))
            .Gauge(Instruments.NodeMemoryUtilization, string.Empty, Otlp.Point(double.NaN, now, ("node", "node-1")))
            .Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(double.NegativeInfinity, now))
            .Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var ingest = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        foreach (var path in new[] { "/api/v1/clusters", "/api/v1/alerts" })
        {
            using var response = await rules.Client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
            using var _ = JsonDocument.Parse(body);
        }
    }
}
