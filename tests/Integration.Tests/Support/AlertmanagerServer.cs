using System.Text.Json;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>A real Alertmanager (Debian prometheus-alertmanager) on a free loopback port, with gossip off.</summary>
public sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;
    private readonly string _directory;

    private AlertmanagerServer(ManagedProcess process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => _process.Output;

    /// <summary>Starts Alertmanager with <paramref name="configFile"/>, or a minimal config that routes everything to a no-op receiver.</summary>
    public static async Task<AlertmanagerServer> StartAsync(string? configFile = null)
    {
        var directory = Directory.CreateTempSubdirectory("azlm-am-").FullName;
        if (configFile is null)
        {
            configFile = Path.Combine(directory, "alertmanager.yml");
            await File.WriteAllTextAsync(configFile, """
                route:
                  receiver: "null"
                  group_wait: 1s
                receivers:
                  - name: "null"
                """);
        }

        var port = FreePort.Next();
        var process = ManagedProcess.Start(Binaries.Alertmanager,
        [
            "--config.file=" + configFile,
            "--storage.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
            "--log.level=warn",
        ]);
        var server = new AlertmanagerServer(process, directory, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Poll.UntilAsync(
            async () => (await http.GetAsync(new Uri(server.BaseAddress, "/-/ready"))).IsSuccessStatusCode ? "ready" : null,
            TimeSpan.FromSeconds(30), "Alertmanager to be ready", () => process.Output);
        return server;
    }

    /// <summary>The alerts Alertmanager holds (GET /api/v2/alerts), as JSON elements.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetAlertsAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var json = await http.GetStringAsync(new Uri(BaseAddress, "/api/v2/alerts"));
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
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
