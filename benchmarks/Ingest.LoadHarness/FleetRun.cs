using System.Diagnostics;
using System.Globalization;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// Fleet scale: every agent of the fleet exports at the 10 s interval (sends spread over it) to Rules, which has
/// Alertmanager configured; during the run clusters lose quorum one by one and the time from the first faulted
/// export to the alert's arrival through Alertmanager (at the harness's webhook) is each fault's latency. Then
/// one full <c>GET /metrics</c> is timed with Rules' RSS sampled during it.
/// </summary>
public sealed class FleetRun(HarnessOptions options, Uri rules, ProcessMeter meter, FleetShape fleet, int port)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync()
    {
        var rounds = Math.Max(6, options.Int("--rounds", 12));
        var probes = Math.Min(fleet.Clusters, options.Int("--probe-faults", 120));
        var probeClusters = Enumerable.Range(0, probes).Select(k => (int)((long)k * fleet.Clusters / probes)).Distinct().ToArray();
        Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"fleet: {fleet.Clusters} clusters × {fleet.Nodes} nodes × {fleet.Volumes} volumes = {fleet.NodeCount:N0} agents every {Interval.TotalSeconds} s; {rounds} rounds; {probeClusters.Length} clusters lose quorum during the run");
        await using var server = new HarnessServer(port, null, 1);
        await server.StartAsync();
        using var load = new RulesLoad(rules, options.Text("--token"), fleet, json: false, options.Int("--concurrency", 8), (_, _) => default, probeClusters);
        var series = new PeerSeries(fleet, (_, _) => default).Count;
        Console.WriteLine($"one round: {load.PointsPerRound:N0} data points in {fleet.NodeCount:N0} requests ({load.BytesPerRound / fleet.NodeCount:N0} bytes each); {series:N0} series");

        // Rounds 0-1 create the series; faults are spread over rounds 2 .. rounds-2, measured from round 2 on.
        var faultRounds = rounds - 3;
        var perRound = (probeClusters.Length + faultRounds - 1) / faultRounds;
        double cpu0 = 0;
        long points0 = 0;
        var clock = new Stopwatch();
        var roundTimes = new List<double>();
        var roundStart = Stopwatch.StartNew();
        long rssMax = 0;
        using var sampler = new Timer(_ => rssMax = Math.Max(rssMax, SafeRss()), null, 0, 500);
        var roundRss = new List<long>(); // at each round's end: the GC's phase moves one sample by ±100 MiB at 1 M series
        await load.RunAsync(Interval, round =>
        {
            if (round > 0)
            {
                roundTimes.Add(load.LastRoundSendSeconds);
                roundRss.Add(meter.RssBytes());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round - 1}: sent in {load.LastRoundSendSeconds:F1} s, Rules RSS {roundRss[^1] / 1048576.0:F0} MiB, {load.Failures} failed requests"));
            }

            roundStart.Restart();
            if (round == 2)
            {
                cpu0 = meter.CpuSeconds();
                points0 = Interlocked.Read(ref load.PointsSent);
                clock.Start();
            }

            if (round >= 2 && round < 2 + faultRounds)
            {
                foreach (var c in probeClusters.Skip((round - 2) * perRound).Take(perRound))
                {
                    load.Fault(c);
                }
            }

            return round < rounds;
        }, CancellationToken.None);
        var cpu = meter.CpuSeconds() - cpu0;
        var wall = clock.Elapsed.TotalSeconds;
        var points = Interlocked.Read(ref load.PointsSent) - points0;
        var rss = meter.RssBytes();

        // The last faults' alerts: give them a few seconds to arrive.
        var wait = Stopwatch.StartNew();
        while (server.Arrivals.Count(a => a.Key.Alert == "AzLocalQuorumLost") < probeClusters.Length && wait.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200);
        }

        var latencies = new List<double>();
        var toAlertmanager = new List<double>();
        var missing = 0;
        foreach (var c in probeClusters)
        {
            var sent = load.FaultSentAt(c);
            if (sent != 0 && server.Arrivals.TryGetValue(("AzLocalQuorumLost", FleetShape.ClusterName(c)), out var arrived))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalSeconds);
                if (server.AtAlertmanager.TryGetValue(("AzLocalQuorumLost", FleetShape.ClusterName(c)), out var posted))
                {
                    toAlertmanager.Add(Stopwatch.GetElapsedTime(sent, posted).TotalSeconds);
                }
            }
            else
            {
                missing++;
            }
        }

        latencies.Sort();
        toAlertmanager.Sort();
        var others = server.Arrivals.Keys.Where(k => k.Alert != "AzLocalQuorumLost" || !probeClusters.Contains(ParseCluster(k.Cluster))).ToList();
        var extra = others.Count;
        var otherNames = string.Join(", ", others.GroupBy(k => k.Alert).Select(g => $"{g.Key} ×{g.Count()}"));
        var perSample = cpu / (points * (series / (double)load.PointsPerRound));
        long MedianRss() => roundRss.Count == 0 ? 0 : roundRss.Order().ElementAt(roundRss.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {points:N0} data points ({points / wall:N0}/s) in {wall:F0} s using {cpu:F1} CPU-s ({cpu / wall * 100:F0}% of one core); slowest round sent in {roundTimes.Skip(2).DefaultIfEmpty().Max():F1} s (interval {Interval.TotalSeconds} s: more means Rules did not keep up); {load.Failures} failed requests"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: Rules RSS {rss / 1048576.0:F0} MiB (peak sampled {rssMax / 1048576.0:F0}, VmHWM {meter.PeakRssBytes() / 1048576.0:F0}) for {series:N0} series = {rss / (double)series:F0} B per series; at the {roundRss.Count} round ends min {roundRss.DefaultIfEmpty().Min() / 1048576.0:F0}, median {MedianRss() / 1048576.0:F0} ({MedianRss() / (double)series:F0} B per series), max {roundRss.DefaultIfEmpty().Max() / 1048576.0:F0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alert latency (first faulted export → AzLocalQuorumLost at the webhook behind Alertmanager), {latencies.Count} faults: p50 {Quantile(latencies, 0.5):F3} s, p99 {Quantile(latencies, 0.99):F3} s, max {latencies.DefaultIfEmpty().Max():F3} s; {missing} never arrived; {extra} other alerts{(extra > 0 ? $" ({otherNames})" : "")}"));
        // No "export → startsAt" split any more: since alerts start at the data's time (HA replicas must agree on it),
        // startsAt is the faulted round's timestamp, not the moment Rules evaluated; the Alertmanager-API arrival below
        // is the fault reaching Alertmanager (ingest + evaluation + persistence + notification).
        if (toAlertmanager.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  fault → Alertmanager (Rules' POST arriving at the harness's Alertmanager API, sent alongside the real one), {toAlertmanager.Count} faults: p50 {Quantile(toAlertmanager, 0.5):F3} s, p99 {Quantile(toAlertmanager, 0.99):F3} s, max {toAlertmanager.DefaultIfEmpty().Max():F3} s"));
        }

        var scrape = await ScrapeAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"/metrics: {scrape.Bytes / 1048576.0:F0} MiB in {scrape.Seconds:F1} s; Rules RSS {scrape.RssBefore / 1048576.0:F0} MiB before, {scrape.RssPeak / 1048576.0:F0} MiB peak during it"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cost-row: series={series} cpu_us_per_sample={perSample * 1e6:F2} rss_bytes_per_series={rss / (double)series:F0} latency_p50_s={Quantile(latencies, 0.5):F3} latency_p99_s={Quantile(latencies, 0.99):F3} latency_max_s={latencies.DefaultIfEmpty().Max():F3} faults={latencies.Count} missing={missing} slowest_round_s={roundTimes.Skip(2).DefaultIfEmpty().Max():F1} to_alertmanager_p99_s={Quantile(toAlertmanager, 0.99):F3}"));
        return missing == 0 && load.Failures == 0 ? 0 : 1;
    }

    private long SafeRss()
    {
        try
        {
            return meter.RssBytes();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int ParseCluster(string name) =>
        name.StartsWith("cluster-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(8), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : -1;

    private static double Quantile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private async Task<(long Bytes, double Seconds, long RssBefore, long RssPeak)> ScrapeAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        if (options.Text("--token") is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var before = meter.RssBytes();
        long peak = before;
        using var sampler = new Timer(_ => peak = Math.Max(peak, SafeRss()), null, 0, 20);
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(rules, "/metrics"), HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        return (bytes, clock.Elapsed.TotalSeconds, before, peak);
    }
}
