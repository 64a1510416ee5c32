using AzLocalMonitor.Rules.Tests.Docs;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Diagnostics;

/// <summary>
/// Rules' self-metrics go through the OpenTelemetry Prometheus exporter, yet /metrics reads as before: every
/// instrument under its azlm_* contract name (no unit or _total suffix added twice), unlabelled samples without
/// "{}", no otel_scope_* labels, no target_info, and counts that follow what happened.
/// </summary>
public class SelfMetricsExpositionTests
{
    [Fact]
    public async Task Metrics_CarriesEverySelfInstrument_UnderItsContractName()
    {
        await using var rules = await RunningRules.StartAsync();
        var request = new Otlp("self-metrics", "node-1").Gauge(Instruments.ClusterQuorum, 1).Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        (await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();

        var text = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.All(ReferenceWriter.SelfInstruments(), i => Assert.Contains($"# TYPE {i.Name} {i.Type}\n", text, StringComparison.Ordinal));
        Assert.Contains("azlm_ingest_samples_total 1\n", text, StringComparison.Ordinal);
        Assert.Contains("azlm_series_active 1\n", text, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_requests_total{encoding=\"protobuf\",outcome=\"accepted\"} 1\n", text, StringComparison.Ordinal);
        // At least the evaluation on arrival; the 1 s timer may add its own on a slow machine.
        var evaluations = System.Text.RegularExpressions.Regex.Match(text, "\nazlm_rule_evaluation_seconds_count ([0-9]+)\n");
        Assert.True(evaluations.Success && int.Parse(evaluations.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, "no rule evaluation counted");
        Assert.DoesNotContain("otel_scope", text, StringComparison.Ordinal);
        Assert.DoesNotContain("target_info", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{} ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_total_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_seconds_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRulesInOneProcess_CountOnlyTheirOwn()
    {
        // Meters are process-wide by name; each app's meter provider must take only its own app's instruments.
        await using var busy = await RunningRules.StartAsync();
        await using var idle = await RunningRules.StartAsync();
        var request = new Otlp("busy", "node-1").Gauge(Instruments.ClusterQuorum, 1).Build();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        (await busy.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content)).EnsureSuccessStatusCode();

        Assert.Contains("azlm_ingest_samples_total 1\n", await busy.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_total 0\n", await idle.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
    }
}
