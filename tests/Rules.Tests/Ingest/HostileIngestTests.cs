using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Common;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>
/// The hostile exports of issue 12 against the real Rules over HTTP: each is refused as an OTLP partial success with
/// its reason and counted, /metrics stays valid for a real promtool, and the service keeps serving.
/// </summary>
public class HostileIngestTests
{
    private static async Task<ExportMetricsServiceResponse> PostAsync(RunningRules rules, ExportMetricsServiceRequest request)
    {
        var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
    }

    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task ANameAttribute_LeavesMetricsValidForPromtool()
    {
        await using var rules = await RunningRules.StartAsync();
        await PostAsync(rules, new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, NowMs)).Build());
        var reply = await PostAsync(rules, new Otlp("bank-a", "n1")
            .Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.5, NowMs, ("__name__", "up"), ("__address__", "x")))
            .Gauge("azlm.series.active", string.Empty, Otlp.Point(1, NowMs))
            .Build());

        Assert.Equal(1, reply.PartialSuccess.RejectedDataPoints); // the azlm_ family is Rules' own
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("key__name__=\"up\"", metrics, StringComparison.Ordinal);
        var (code, output) = await PromtoolCheckMetricsAsync(metrics);
        Assert.DoesNotContain("error while linting", output, StringComparison.Ordinal);
        Assert.DoesNotContain("parsing error", output, StringComparison.Ordinal);
        Assert.True(code is 0 or 3, $"promtool check metrics exited {code}: {output}"); // 3: lint advice only, the text parses
    }

    [Fact]
    public async Task OversizedValuesNamesAndAttributeFloods_AreRefusedAndCounted_AndRulesKeepsServing()
    {
        await using var rules = await RunningRules.StartAsync();
        var hugeValue = new Otlp("bank-a", "n1").Gauge("vendor.m", string.Empty, Otlp.Point(1, NowMs, ("v", new string('x', 3_000_000)))).Build();
        var hugeCluster = new Otlp(new string('c', 4_000_000), "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(0, NowMs)).Build();
        var flood = new NumberDataPoint { AsDouble = 1, TimeUnixNano = (ulong)NowMs * 1_000_000UL };
        for (var i = 0; i < 150_000; i++)
        {
            flood.Attributes.Add(new KeyValue { Key = "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Value = new AnyValue { StringValue = "v" } });
        }

        var attributes = new Otlp("bank-a", "n1").Gauge("vendor.m", string.Empty, flood).Build();

        Assert.Contains("Ingest:MaxLabelValueLength", (await PostAsync(rules, hugeValue)).PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxClusterNameLength", (await PostAsync(rules, hugeCluster)).PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxAttributesPerPoint", (await PostAsync(rules, attributes)).PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"value_too_long\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"cluster_name_too_long\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_ingest_samples_rejected_total{reason=\"too_many_attributes\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("azlm_series_active 0\n", metrics, StringComparison.Ordinal);
        var ok = await PostAsync(rules, new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, NowMs)).Build());
        Assert.Null(ok.PartialSuccess);
    }

    [Fact]
    public async Task AnExportFromTheYear2100_LeavesAFiringQuorumLostFiring_AndTheNextRealReportIsStored()
    {
        await using var rules = await RunningRules.StartAsync();
        await PostAsync(rules, new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(0, NowMs)).Build());
        var year2100 = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var fake = await PostAsync(rules, new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, year2100)).Build());
        var real = await PostAsync(rules, new Otlp("bank-a", "n1").Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(0, NowMs + 1)).Build());

        Assert.Equal(1, fake.PartialSuccess.RejectedDataPoints);
        Assert.Contains("Ingest:MaxFutureSkew", fake.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(real.PartialSuccess); // not "out of order" behind the fake
        var alerts = await rules.Client.GetStringAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        Assert.Contains("\"name\":\"AzLocalQuorumLost\",\"severity\":\"critical\",\"state\":\"firing\"", alerts, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> PromtoolCheckMetricsAsync(string metrics)
    {
        var promtool = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "promtool")).FirstOrDefault(File.Exists);
        Assert.True(promtool is not null, "promtool is not installed: run ./test.sh (it installs the Debian package prometheus).");
        var info = new ProcessStartInfo(promtool!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("check");
        info.ArgumentList.Add("metrics");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
