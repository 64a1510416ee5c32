using System.Globalization;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.Pipeline;

/// <summary>
/// The network between Rules and a real Alertmanager is cut (a TCP relay resetting every connection) when a cluster
/// loses quorum: every delivery fails and is counted, nothing reaches Alertmanager; once the network is back, the
/// page arrives through Rules' resends of firing alerts. Before the sending loop survived a bare SocketException
/// from a reset connection, a cut like this could end it for good: no page, ever, until Rules restarted.
/// </summary>
public sealed class AlertmanagerNetworkCutTests
{
    private const string Cluster = "cut-from-alertmanager";

    [Fact]
    public async Task QuorumLostWhileCut_IsPagedOnceTheNetworkIsBack()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        await using var network = new TcpRelay(alertmanager.BaseAddress.Port);
        network.Cut();
        await using var rules = await RulesServer.StartAsync(
            network.BaseAddress, "--Alertmanager:MaxRetries", "1", "--Alerting:ResendDelay", "00:00:02");
        using var http = new HttpClient();

        var request = new Otlp(Cluster, "node-1").Gauge(Instruments.ClusterQuorum, 0).Build();
        using (var content = new ByteArrayContent(request.ToByteArray()))
        {
            content.Headers.ContentType = new("application/x-protobuf");
            (await http.PostAsync(new Uri(rules.BaseAddress, "/v1/metrics"), content)).EnsureSuccessStatusCode();
        }

        // Several rounds of delivery (first send and resends, each with its retry) fail while the network is cut.
        await Poll.UntilAsync(
            async () => FailedNotifications(await http.GetStringAsync(new Uri(rules.BaseAddress, "/metrics"))) >= 3 ? "failed" : null,
            TimeSpan.FromSeconds(60), "three failed deliveries during the cut", () => network.Log);
        Assert.DoesNotContain(await alertmanager.GetAlertsAsync(http), a => Label(a, "cluster") == Cluster);

        network.Restore();
        var alert = await Poll.UntilAsync(
            async () => (await alertmanager.GetAlertsAsync(http))
                .Where(a => Label(a, "alertname") == "AzLocalQuorumLost" && Label(a, "cluster") == Cluster)
                .Select(a => a.GetProperty("status").GetProperty("state").GetString())
                .FirstOrDefault(),
            TimeSpan.FromSeconds(60), "AzLocalQuorumLost in Alertmanager after the network is back", () => network.Log + alertmanager.Output);
        Assert.Equal("active", alert);
    }

    private static double FailedNotifications(string metrics) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith("azlm_notifications_failed_total ", StringComparison.Ordinal))
            .Select(l => double.Parse(l["azlm_notifications_failed_total ".Length..], CultureInfo.InvariantCulture))
            .SingleOrDefault();

    private static string? Label(System.Text.Json.JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;
}
