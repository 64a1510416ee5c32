using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>The two runs of the harness: Rules beside its peers, and the fleet-scale latency run.</summary>
public sealed class HarnessRun(HarnessOptions options)
{
    private const int Shards = 8;
    private readonly Uri _rules = new(options.Text("--rules")!);
    private readonly ProcessMeter _rulesMeter = new(int.Parse(options.Text("--rules-pid")!, CultureInfo.InvariantCulture));
    private readonly FleetShape _fleet = new(options.Int("--clusters", 1000), options.Int("--nodes", 3), options.Int("--volumes", 4));
    private readonly TimeSpan _warmup = TimeSpan.FromSeconds(options.Int("--warmup", 5));
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.Int("--seconds", 30));
    private readonly string _work = options.Text("--work", Path.Combine(Path.GetTempPath(), "azlm-load"));
    private readonly int _port = options.Int("--port", 19480);
    private readonly int _peerPort = options.Int("--peer-port", 19490);
    private readonly int _vmPort = options.Int("--vm-port", options.Int("--peer-port", 19490) + 1);
    private readonly int _faultEvery = Math.Max(3, options.Int("--fault-every", 50));

    private FleetShapeRequest Faults(int cluster, int node) =>
        new(cluster % _faultEvery == 1, cluster % _faultEvery == 2 && node == 0);

    private HttpClient Api()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        if (options.Text("--token") is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return http;
    }

    public async Task<int> PeersAsync()
    {
        Directory.CreateDirectory(_work);
        Console.WriteLine($"fleet: {_fleet.Clusters} clusters × {_fleet.Nodes} nodes × {_fleet.Volumes} volumes = {_fleet.NodeCount} agents; faults: quorum lost in every {_faultEvery}th cluster, one draining node in another");
        var series = new PeerSeries(_fleet, Faults);
        using var api = Api();
        await using var server = new HarnessServer(_port, series, Shards) { Clusters = _fleet.Clusters };
        await server.StartAsync();
        var rows = new List<Measurement>();

        SortedSet<string>? rulesAlerts = null;
        foreach (var json in options.Has("--no-json") ? new[] { false } : [false, true])
        {
            using var load = new RulesLoad(_rules, options.Text("--token"), _fleet, json, options.Int("--concurrency", 8), Faults, []);
            if (!json)
            {
                Console.WriteLine($"one round: {load.PointsPerRound:N0} data points in {_fleet.NodeCount} requests ({load.BytesPerRound / _fleet.NodeCount:N0} bytes each, protobuf); {series.Count:N0} distinct series");
            }

            var distinctPerPoint = series.Count / (double)load.PointsPerRound;
            TimeSpan? pace = options.Has("--paced") ? TimeSpan.FromSeconds(10) : null;
            var row = await Measurement.RunAsync(json ? "rules (OTLP/JSON)" : "rules (OTLP protobuf)", _rulesMeter,
                ct => Ignore(load.RunAsync(pace, _ => !ct.IsCancellationRequested, ct)),
                () => Task.FromResult(Interlocked.Read(ref load.PointsSent) * distinctPerPoint),
                _warmup, _window, () => RulesSeriesAsync(api, series.Count));
            Console.WriteLine($"  {row.Name}: {load.Requests:N0} requests, {load.Failures} failed, {load.PartialRejects} with rejected points; {Format.Number(row.Samples / distinctPerPoint)} data points = {Format.Number(row.Samples)} distinct-series samples in the window");
            Report(row);
            rows.Add(row);
            if (load.Failures > 0 || load.PartialRejects > 0)
            {
                Console.WriteLine("  FAIL: Rules refused requests or points");
                return 1;
            }

            if (!json)
            {
                await Task.Delay(TimeSpan.FromSeconds(2)); // the 1 s timer evaluates what arrival did not
                rulesAlerts = await AlertSets.FromRulesAsync(api, _rules);
            }
        }

        if (options.Has("--rules-only"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rules only: {rows[0].PerCpuSecond:F0} samples per CPU-second, RSS {rows[0].RssPerSeries:F0} B per series"));
            return 0;
        }

        var prometheus = await PrometheusRowAsync(server, api);
        rows.Add(prometheus.Row);
        var victoria = await VictoriaRowAsync(series, api);
        rows.Add(victoria);

        var expected = Enumerable.Range(0, _fleet.Clusters).Count(c => c % _faultEvery is 1 or 2);
        var equal = rulesAlerts!.SetEquals(prometheus.Alerts);
        Console.WriteLine($"alerts firing: rules {rulesAlerts!.Count}, prometheus (reference: the policy as Prometheus rules, same samples) {prometheus.Alerts.Count}, injected faults {expected}; equal: {(equal ? "yes" : "NO")}");
        foreach (var missing in prometheus.Alerts.Except(rulesAlerts).Take(5))
        {
            Console.WriteLine($"  only in prometheus: {missing}");
        }

        foreach (var extra in rulesAlerts.Except(prometheus.Alerts).Take(5))
        {
            Console.WriteLine($"  only in rules: {extra}");
        }

        var rules = rows[0];
        var best = Math.Max(prometheus.Row.PerCpuSecond, victoria.PerCpuSecond);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest per CPU-second: rules {rules.PerCpuSecond:F0}, prometheus {prometheus.Row.PerCpuSecond:F0}, victoriametrics {victoria.PerCpuSecond:F0}; ratio to best peer {rules.PerCpuSecond / best:F2}; rules RSS per series {rules.RssPerSeries:F0} bytes"));
        return equal && expected > 0 && rulesAlerts.Count >= expected ? 0 : 1;
    }

    private async Task<long> RulesSeriesAsync(HttpClient api, long expected) =>
        expected > 300_000 ? expected : (long)await PeerProcess.ReadMetricAsync(api, new Uri(_rules, "/metrics"), "azlm_series_active");

    private async Task<(Measurement Row, SortedSet<string> Alerts)> PrometheusRowAsync(HarnessServer server, HttpClient api)
    {
        var dir = Path.Combine(_work, "prometheus");
        Directory.CreateDirectory(dir);
        var config = new StringBuilder();
        config.AppendLine("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s");
        if (options.Text("--prometheus-rules") is { } rules)
        {
            // Prometheus treats rule_files as globs: a wrong path would load no rule and the alerts check would compare
            // against nothing (a moved rules file once did exactly that).
            if (!File.Exists(rules))
            {
                throw new FileNotFoundException($"--prometheus-rules: no such file {Path.GetFullPath(rules)}", rules);
            }

            config.AppendLine(CultureInfo.InvariantCulture, $"rule_files: ['{Path.GetFullPath(rules)}']");
        }

        config.AppendLine("scrape_configs:\n  - job_name: fleet\n    honor_labels: true\n    static_configs:");
        for (var s = 0; s < Shards; s++)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"      - targets: ['127.0.0.1:{_port}']\n        labels: {{__metrics_path__: '/metrics/{s}'}}");
        }

        var file = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(file, config.ToString());
        var url = new Uri($"http://127.0.0.1:{_peerPort}");
        await using var peer = await PeerProcess.StartAsync(options.Text("--prometheus", "/usr/bin/prometheus"),
            [$"--config.file={file}", $"--storage.tsdb.path={Path.Combine(dir, "data")}", $"--web.listen-address=127.0.0.1:{_peerPort}", "--log.level=warn"],
            url, "/-/ready", Path.Combine(dir, "log.txt"));
        server.Serving = true;
        var metrics = new Uri(url, "/metrics");
        var row = await Measurement.RunAsync("prometheus 2.42 (scrape every 1 s, 8 targets)", peer.Meter,
            ct => Task.Delay(Timeout.Infinite, ct),
            () => PeerProcess.ReadMetricAsync(api, metrics, "prometheus_tsdb_head_samples_appended_total"),
            _warmup, _window, async () => (long)await PeerProcess.ReadMetricAsync(api, metrics, "prometheus_tsdb_head_series"));
        Report(row);
        await Task.Delay(TimeSpan.FromSeconds(3)); // rules evaluated on the latest scrape
        var alerts = await AlertSets.FromPrometheusAsync(api, url);
        server.Serving = false;
        return (row, alerts);
    }

    private async Task<Measurement> VictoriaRowAsync(PeerSeries series, HttpClient api)
    {
        var dir = Path.Combine(_work, "victoria-metrics");
        Directory.CreateDirectory(dir);
        var url = new Uri($"http://127.0.0.1:{_vmPort}");
        await using var peer = await PeerProcess.StartAsync(options.Text("--victoria-metrics", "/usr/bin/victoria-metrics"),
            [$"-storageDataPath={Path.Combine(dir, "data")}", $"-httpListenAddr=127.0.0.1:{_vmPort}", "-loggerLevel=WARN"],
            url, "/health", Path.Combine(dir, "log.txt"));
        long lines = 0;
        var import = new Uri(url, "/api/v1/import/prometheus");
        // Natural batching for a push: a few thousand lines per request, two connections.
        const int ClustersPerBatch = 25;
        async Task Push(CancellationToken ct)
        {
            using var http = new HttpClient();
            long last = 0;
            while (!ct.IsCancellationRequested)
            {
                var roundMs = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), last + 1);
                last = roundMs;
                var batches = Enumerable.Range(0, (_fleet.Clusters + ClustersPerBatch - 1) / ClustersPerBatch);
                await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (b, token) =>
                {
                    using var body = new MemoryStream();
                    var count = series.WriteImport(body, Enumerable.Range(b * ClustersPerBatch, Math.Min(ClustersPerBatch, _fleet.Clusters - (b * ClustersPerBatch))), roundMs);
                    body.Position = 0;
                    using var content = new StreamContent(body);
                    using var response = await http.PostAsync(import, content, token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Add(ref lines, count);
                    }
                }).ConfigureAwait(false);
            }
        }

        var row = await Measurement.RunAsync($"victoriametrics 1.79 (import Prometheus text, {ClustersPerBatch} clusters per request, 2 connections)", peer.Meter,
            ct => Ignore(Push(ct)), () => Task.FromResult((double)Interlocked.Read(ref lines)), _warmup, _window, () => Task.FromResult(series.Count));
        var inserted = await PeerProcess.ReadMetricAsync(api, new Uri(url, "/metrics"), "vm_rows_inserted_total");
        Console.WriteLine($"  (victoriametrics counted {inserted:N0} rows inserted in total, the harness {Interlocked.Read(ref lines):N0} lines accepted)");
        Report(row);
        return row;
    }

    private static void Report(Measurement row) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {row.Name}: {row.Samples:N0} samples in {row.WallSeconds:F1} s using {row.CpuSeconds:F2} CPU-s = {row.PerCpuSecond:N0} samples per CPU-second ({row.Samples / row.WallSeconds:N0}/s wall); RSS {row.RssBytes / 1048576.0:F0} MiB (peak {row.PeakRssBytes / 1048576.0:F0}) for {row.Series:N0} series = {row.RssPerSeries:F0} B per series"));

    private static async Task Ignore(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task<int> FleetAsync() => new FleetRun(options, _rules, _rulesMeter, _fleet, _port).RunAsync();
}
