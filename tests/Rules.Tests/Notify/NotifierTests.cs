using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Notify;

/// <summary>Delivery over real HTTP: the generic webhook's payload, and retries through a refusing endpoint.</summary>
public class NotifierTests
{
    private static async Task PostQuorumLossAsync(RunningRules rules, string cluster)
    {
        var request = new Otlp(cluster, "node-1").Gauge(Instruments.ClusterQuorum, 0).Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        (await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Webhook_ReceivesAnAlertmanagerStylePayload()
    {
        using var hook = new CapturingHttpServer();
        await using var rules = await RunningRules.StartAsync("--Webhooks:0:Url", hook.Url.ToString(), "--Webhooks:0:Name", "noc-chat");

        await PostQuorumLossAsync(rules, "hooked");

        var body = await hook.WaitForBodyAsync(b => b.Contains("AzLocalQuorumLost", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("\"version\":\"4\"", body, StringComparison.Ordinal);
        Assert.Contains("\"receiver\":\"noc-chat\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"firing\"", body, StringComparison.Ordinal);
        Assert.Contains("\"cluster\":\"hooked\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alertmanager_RefusingTwice_StillGetsTheAlertThroughRetries()
    {
        using var alertmanager = new CapturingHttpServer(failFirst: 2);
        var baseUrl = alertmanager.Url.ToString().Replace("/hook/", "/hook", StringComparison.Ordinal);
        await using var rules = await RunningRules.StartAsync("--Alertmanager:Url", baseUrl);

        await PostQuorumLossAsync(rules, "flaky");

        var body = await alertmanager.WaitForBodyAsync(b => b.Contains("AzLocalQuorumLost", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Equal(2, alertmanager.Refused);
        Assert.StartsWith("[", body, StringComparison.Ordinal); // the v2 API takes a JSON array of alerts
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlm_notifications_sent_total 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alertmanager_ResettingEveryConnection_FailsTheBatch_AndRulesKeepsRunningAndDelivering()
    {
        // Every POST of the first batch and its retries is reset on accept, often enough to reach the window in
        // which SocketsHttpHandler throws a bare SocketException; the batch fails and is counted, the sending loop
        // lives on, and the next alert goes through once the server answers.
        using var alertmanager = new ResettingHttpServer(resets: 150, ResetPoint.OnAccept);
        await using var rules = await RunningRules.StartAsync(
            "--Alertmanager:Url", alertmanager.Url.ToString().TrimEnd('/'), "--Alertmanager:MaxRetries", "1");

        for (var i = 0; alertmanager.Answered == 0 && i < 1800; i++)
        {
            await PostQuorumLossAsync(rules, $"cut-{i}");
            await Task.Delay(50);
        }

        Assert.True(alertmanager.Answered > 0, $"nothing delivered after {alertmanager.Connections} connections");
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlm_notifications_failed_total", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("azlm_notifications_failed_total 0", metrics, StringComparison.Ordinal);
    }
}
