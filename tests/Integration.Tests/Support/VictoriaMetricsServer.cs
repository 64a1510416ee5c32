using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>
/// A real VictoriaMetrics (Debian package victoria-metrics) on a free loopback port with a temporary data folder
/// and a long retention (backfilled history is 18 months old). It can be stopped and started again on the same
/// port and data (the outage test).
/// </summary>
public sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-vm-").FullName;
    private readonly int _port = FreePort.Next();
    private ManagedProcess? _process;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    /// <summary>The remote write endpoint.</summary>
    public Uri WriteUrl => new(BaseAddress, "api/v1/write");

    public string Output => _process?.Output ?? string.Empty;

    /// <summary>A server with its port and folder chosen but not running yet (<see cref="StartAgainAsync"/> starts it).</summary>
    public static VictoriaMetricsServer NotStarted() => new();

    public static async Task<VictoriaMetricsServer> StartAsync()
    {
        var server = new VictoriaMetricsServer();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the process (again, after <see cref="StopAsync"/>) on the same port and data.</summary>
    public async Task StartAgainAsync()
    {
        _process = ManagedProcess.Start(Binaries.Find("victoria-metrics"),
        [
            "-storageDataPath=" + Path.Combine(_directory, "data"),
            $"-httpListenAddr=127.0.0.1:{_port}",
            "-retentionPeriod=100y",
            "-search.latencyOffset=0s",
            "-loggerLevel=ERROR",
        ]);
        using var http = new HttpClient();
        await Poll.UntilAsync(
            async () =>
            {
                try
                {
                    return (await http.GetAsync(new Uri(BaseAddress, "health"))).IsSuccessStatusCode ? "ready" : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            },
            TimeSpan.FromSeconds(60), "VictoriaMetrics to be ready", () => Output);
    }

    /// <summary>
    /// Stops the store the way its operators do (SIGTERM: it flushes, then exits). A SIGKILL would lose what it had
    /// acknowledged in its last second, still in memory (VictoriaMetrics' documented behaviour): the sender cannot
    /// know, so the outage test stops it cleanly.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var term = System.Diagnostics.Process.Start("kill", ["-s", "TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await Poll.UntilAsync(() => Task.FromResult(_process.HasExited ? "exited" : null), TimeSpan.FromSeconds(60), "VictoriaMetrics to exit", () => Output);
        await _process.DisposeAsync();
        _process = null;
    }

    /// <summary>Every raw sample of the series matching <paramref name="match"/> (/api/v1/export, JSON lines), data flushed first.</summary>
    public async Task<List<ExportedSeries>> ExportAsync(HttpClient http, string match)
    {
        ArgumentNullException.ThrowIfNull(http);
        await http.GetAsync(new Uri(BaseAddress, "internal/force_flush"));
        var text = await http.GetStringAsync(new Uri(BaseAddress, "api/v1/export?match[]=" + Uri.EscapeDataString(match) + "&start=0"));
        var result = new List<ExportedSeries>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var labels = doc.RootElement.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var values = doc.RootElement.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var times = doc.RootElement.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()).ToArray();
            result.Add(new ExportedSeries(labels, times, values));
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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

/// <summary>One series as VictoriaMetrics exports it: labels (with __name__), sample times (Unix ms) and values.</summary>
public sealed record ExportedSeries(IReadOnlyDictionary<string, string> Labels, long[] TimestampsMs, double[] Values);
