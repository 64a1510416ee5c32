using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Pipeline;

/// <summary>
/// Any OpenTelemetry SDK, not only ours: the JavaScript SDK (from npm) reports a cluster that lost quorum and
/// AzLocalQuorumLost reaches a real Alertmanager within 2 seconds of the export.
/// </summary>
public sealed class JavaScriptSdkInteropTests
{
    [Fact]
    public async Task JavaScriptSdk_QuorumLost_ReachesAlertmanagerWithinTwoSeconds()
    {
        var script = Path.Combine(Binaries.RepositoryRoot, "tests", "interop", "js", "quorum-lost.mjs");
        Assert.True(
            Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules")),
            "tests/interop/js/node_modules is missing: run ./test.sh (it runs npm ci there).");
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        await using var rules = await RulesServer.StartAsync(alertmanager.BaseAddress);
        using var http = new HttpClient();

        await using var node = ManagedProcess.Start(Binaries.Node, [script, "js-cluster"],
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = rules.BaseAddress.ToString().TrimEnd('/') });
        Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var exportedLine = node.Output.Split('\n').Single(l => l.StartsWith("exported ", StringComparison.Ordinal));
        var exportedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(exportedLine["exported ".Length..].Trim(), CultureInfo.InvariantCulture));

        var alert = await Poll.UntilAsync(
            async () =>
            {
                var alerts = await alertmanager.GetAlertsAsync(http);
                return alerts.Where(a => Label(a, "alertname") == "AzLocalQuorumLost" && Label(a, "cluster") == "js-cluster")
                    .Select(a => (JsonElement?)a).FirstOrDefault() is { } found ? new Box(found) : null;
            },
            TimeSpan.FromSeconds(10),
            "AzLocalQuorumLost in Alertmanager",
            () => alertmanager.Output);
        // Alertmanager's own receipt time (updatedAt) against the SDK's flush completing: no poll or process exit in it.
        var receivedAt = DateTimeOffset.Parse(alert.Value.GetProperty("updatedAt").GetString()!, CultureInfo.InvariantCulture);
        var latency = receivedAt - exportedAt;

        Assert.Equal("critical", Label(alert.Value, "severity"));
        Assert.True(latency <= TimeSpan.FromSeconds(2), $"took {latency.TotalMilliseconds:F0} ms from export to Alertmanager");
        Assert.Contains("1 of 3 votes present", alert.Value.GetProperty("annotations").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;

    private sealed record Box(JsonElement Value);
}
