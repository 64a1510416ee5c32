using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>A real Prometheus (Debian prometheus 2.42) on a free loopback port, scraping the given targets every second.</summary>
public sealed class PrometheusServer : PeerServer
{
    private PrometheusServer(ManagedProcess process, string directory, Uri baseAddress)
        : base(process, directory, baseAddress)
    {
    }

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
        return await StartAsync(directory, config, FreePort.Next());
    }

    /// <summary>
    /// Starts Prometheus with a configuration the caller writes into a fresh folder, knowing the port Prometheus will
    /// listen on (<paramref name="write"/>: folder, port → the config file).
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(Func<string, int, Task<string>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Directory.CreateTempSubdirectory("azlm-prom-").FullName;
        var port = FreePort.Next();
        return await StartAsync(directory, await write(directory, port), port);
    }

    private static async Task<PrometheusServer> StartAsync(string directory, string config, int port)
    {
        var process = ManagedProcess.Start(Binaries.Prometheus,
        [
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitReadyAsync("Prometheus", TimeSpan.FromSeconds(60));
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
}
