using System.Text.Json;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>A real Alertmanager (Debian prometheus-alertmanager) on a free loopback port, with gossip off.</summary>
public sealed class AlertmanagerServer : PeerServer
{
    private AlertmanagerServer(ManagedProcess process, string directory, Uri baseAddress)
        : base(process, directory, baseAddress)
    {
    }

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
        await server.WaitReadyAsync("Alertmanager", TimeSpan.FromSeconds(30));
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
}
