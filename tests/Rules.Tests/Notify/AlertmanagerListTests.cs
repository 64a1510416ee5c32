using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Notify;

/// <summary>
/// <c>Alertmanager:Urls:N</c>: every alert goes to every member of an Alertmanager cluster (which deduplicates), and
/// <c>Alertmanager:Url</c> keeps working beside the list.
/// </summary>
public class AlertmanagerListTests
{
    [Fact]
    public async Task EveryAlertmanager_OfTheListAndTheSingleUrl_GetsTheAlert()
    {
        using var one = new CapturingHttpServer();
        using var two = new CapturingHttpServer();
        using var three = new CapturingHttpServer();
        static string Base(CapturingHttpServer s) => s.Url.ToString().Replace("/hook/", "/hook", StringComparison.Ordinal);
        await using var rules = await RunningRules.StartAsync(
            "--Alertmanager:Url", Base(one), "--Alertmanager:Urls:0", Base(two), "--Alertmanager:Urls:1", Base(three));

        var request = new Otlp("meshed", "node-1").Gauge(Instruments.ClusterQuorum, 0).Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        (await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();

        var bodies = new List<string>();
        foreach (var server in new[] { one, two, three })
        {
            bodies.Add(await server.WaitForBodyAsync(b => b.Contains("AzLocalQuorumLost", StringComparison.Ordinal), TimeSpan.FromSeconds(15)));
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal)); // the very same alert, byte for byte, to each
    }

    [Fact]
    public void AllUrls_JoinsUrlAndUrls_WithoutBlanksOrRepeats()
    {
        var options = new AlertmanagerOptions { Url = "http://am-0:9093", Urls = ["http://am-1:9093", " ", "http://AM-0:9093", "http://am-2:9093"] };

        Assert.Equal(["http://am-0:9093", "http://am-1:9093", "http://am-2:9093"], options.AllUrls());
    }

    [Fact]
    public void BadListEntry_IsNamedByItsIndex()
    {
        var result = new Configuration.RulesOptionsValidator().Validate(null, new AlertmanagerOptions { Urls = ["http://am-0:9093", "am-1:9093"] });

        Assert.Contains(result.Failures!, f => f.Contains("Alertmanager:Urls:1 'am-1:9093'", StringComparison.Ordinal));
    }
}
