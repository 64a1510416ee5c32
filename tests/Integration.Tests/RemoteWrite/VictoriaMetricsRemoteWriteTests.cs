using System.Globalization;
using System.Text.RegularExpressions;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Integration.Tests.RemoteWrite;

/// <summary>
/// Rules → real VictoriaMetrics by Prometheus remote write: a simulated cluster (the shipped node-down scenario,
/// so ALERTS exist too) exports to Rules; the store is killed mid-run for <c>AZLM_RW_OUTAGE_SECONDS</c> (default
/// 20) and started again. Afterwards every catalog series Rules exposes on /metrics must be in the store with the
/// same labels and latest value, and no series may have a hole across the outage (the buffer kept it all).
/// </summary>
public sealed partial class VictoriaMetricsRemoteWriteTests
{
    private static readonly HashSet<string> CatalogNames = [.. MetricCatalog.All.Select(d => d.PrometheusName)];

    [Fact]
    public async Task EveryCatalogSeriesReachesTheStore_AndAnOutageLeavesNoGap()
    {
        var outage = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("AZLM_RW_OUTAGE_SECONDS"), out var s) ? s : 20);
        await using var store = await VictoriaMetricsServer.StartAsync();
        var wal = Directory.CreateTempSubdirectory("azlm-rw-wal-").FullName;
        await using var rules = await RunningRules.StartAsync(
            "--RemoteWrite:Url", store.WriteUrl.ToString(), "--RemoteWrite:WalPath", wal,
            "--RemoteWrite:MinBackoff", "00:00:00.100", "--RemoteWrite:MaxBackoff", "00:00:01", "--RemoteWrite:AlertsInterval", "00:00:01");
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var collector = Task.Run(() => CollectorApp.RunAsync(
            ["simulate", "run", "node-down", "--rules", rules.BaseAddress.ToString(), "--interval", "1s", "--time-scale", "20"], output, output, stop.Token));

        await Poll.UntilAsync(async () => (await rules.Client.GetStringAsync("/metrics")).Contains("azlocal_node_state{", StringComparison.Ordinal) ? "reporting" : null,
            TimeSpan.FromSeconds(60), "the simulated cluster to report", () => output.ToString());
        await Task.Delay(TimeSpan.FromSeconds(3));
        var outageStartMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await store.StopAsync();
        await Task.Delay(outage);
        await store.StartAgainAsync();
        var outageEndMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await collector;

        // Everything acknowledged by ingest is acknowledged by the store once the backlog drains.
        await Poll.UntilAsync(async () => PendingIsZero(await rules.Client.GetStringAsync("/metrics")) ? "drained" : null,
            TimeSpan.FromSeconds(120), "the remote-write backlog to drain", () => store.Output);
        var metrics = await rules.Client.GetStringAsync("/metrics");
        Assert.Matches(@"azlm_remote_write_samples_failed_total\{destination=""[^""]+""\} [1-9]", metrics); // the outage was seen

        var exposed = ParseCatalogSamples(metrics);
        Assert.True(exposed.Count > 50, $"only {exposed.Count} catalog series exposed");
        // A series new to the store becomes searchable a few seconds after it is written: ask until all are there.
        var missing = new List<string>();
        Dictionary<string, ExportedSeries> exported = [];
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    exported = (await store.ExportAsync(http, "{__name__=~\"azlocal_.*|ALERTS\"}")).ToDictionary(e => Key(e.Labels), e => e, StringComparer.Ordinal);
                    missing = Differences(exposed, exported);
                    return missing.Count == 0 ? "all there" : null;
                },
                TimeSpan.FromSeconds(30), "every series in the store");
        }
        catch (TimeoutException)
        {
            // reported below with the differences
        }

        Assert.True(missing.Count == 0, $"{missing.Count} of {exposed.Count} series differ:\n{string.Join('\n', missing.Take(20))}");
        Assert.Contains(exported.Keys, k => k.StartsWith("ALERTS{", StringComparison.Ordinal));

        // No hole: series reported every second have a sample in every 3 s across the outage.
        var gaps = new List<string>();
        foreach (var series in exported.Values.Where(e => e.Labels["__name__"] == "azlocal_node_state"))
        {
            var around = series.TimestampsMs.Where(t => t >= outageStartMs - 2000 && t <= outageEndMs + 2000).ToArray();
            var widest = around.Zip(around.Skip(1), (a, b) => b - a).DefaultIfEmpty(long.MaxValue).Max();
            if (around.Length == 0 || widest > 3000)
            {
                gaps.Add($"{Key(series.Labels)}: {around.Length} samples, widest step {widest} ms");
            }
        }

        Assert.True(gaps.Count == 0, "holes across the outage:\n" + string.Join('\n', gaps));
    }

    private static List<string> Differences(Dictionary<string, double> exposed, Dictionary<string, ExportedSeries> exported)
    {
        var missing = new List<string>();
        foreach (var (key, value) in exposed)
        {
            if (!exported.TryGetValue(key, out var series))
            {
                missing.Add($"{key} (absent; Rules has {value})");
            }
            else if (!NewestValues(series).Any(v => SameValue(v, value)))
            {
                missing.Add($"{key} (store [{string.Join(", ", NewestValues(series))}], Rules {value})");
            }
        }

        return missing;
    }

    /// <summary>The values at the series' newest time (an agent may send two points with one time: the store keeps both).</summary>
    private static IEnumerable<double> NewestValues(ExportedSeries series) =>
        series.TimestampsMs.Select((t, i) => (t, i)).Where(x => x.t == series.TimestampsMs.Max()).Select(x => series.Values[x.i]);

    private static bool PendingIsZero(string metrics) =>
        PendingLine().Matches(metrics) is { Count: > 0 } m && m.All(x => x.Groups[1].Value == "0");

    /// <summary>Catalog samples of /metrics (ALERTS too) as series key → value.</summary>
    private static Dictionary<string, double> ParseCatalogSamples(string metrics)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in SampleLine().Matches(metrics))
        {
            var name = m.Groups["name"].Value;
            if (!CatalogNames.Contains(name) && name != "ALERTS")
            {
                continue;
            }

            var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => Regex.Unescape(l.Groups[2].Value), StringComparer.Ordinal);
            labels["__name__"] = name;
            result[Key(labels)] = double.Parse(m.Groups["value"].Value.Replace("+Inf", "Infinity", StringComparison.Ordinal).Replace("-Inf", "-Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static string Key(IReadOnlyDictionary<string, string> labels) =>
        labels["__name__"] + "{" + string.Join(',', labels.Where(l => l.Key != "__name__").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    private static bool SameValue(double a, double b) => a.Equals(b) || Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    [GeneratedRegex(@"^azlm_remote_write_samples_pending\{[^}]*\} (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PendingLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
