using System.Text.Json;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>A real Prometheus (Debian prometheus 2.42) on a free loopback port, scraping the given targets every second.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;

    private PrometheusServer(ManagedProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => _process.Output;

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (host:port) as job <c>azlocalmonitor-rules</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string? ruleFile = null, Uri? alertmanager = null)
    {
        var directory = Directory.CreateTempSubdirectory("azlm-prom-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        var rules = ruleFile is null ? string.Empty : $"rule_files: [\"{ruleFile}\"]\n";
        var alerting = alertmanager is null ? string.Empty : $"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [\"{alertmanager.Authority}\"]\n";
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            {rules}{alerting}scrape_configs:
              - job_name: azlocalmonitor-rules
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = FreePort.Next();
        var process = ManagedProcess.Start(Binaries.Prometheus,
        [
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Poll.UntilAsync(
            async () => (await http.GetAsync(new Uri(server.BaseAddress, "/-/ready"))).IsSuccessStatusCode ? "ready" : null,
            TimeSpan.FromSeconds(60), "Prometheus to be ready", () => process.Output);
        return server;
    }

    /// <summary>Runs an instant query; returns the <c>data.result</c> array (throws on a query error).</summary>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(HttpClient http, string promql)
    {
        ArgumentNullException.ThrowIfNull(http);
        var json = await http.GetStringAsync(new Uri(BaseAddress, "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus query failed: {json}");
        }

        return [.. doc.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(e => e.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
