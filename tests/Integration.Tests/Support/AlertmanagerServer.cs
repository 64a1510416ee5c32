using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>
/// A real Alertmanager (Debian prometheus-alertmanager) on a free loopback port: alone (gossip off), or as a member of
/// an Alertmanager cluster (<see cref="StartClusterAsync"/>: gossip mesh on loopback, deduplicating notifications).
/// </summary>
public sealed class AlertmanagerServer : PeerServer
{
    private AlertmanagerServer(ManagedProcess process, string directory, Uri baseAddress)
        : base(process, directory, baseAddress)
    {
    }

    /// <summary>Starts Alertmanager with <paramref name="configFile"/>, or a minimal config that routes everything to a no-op receiver.</summary>
    public static Task<AlertmanagerServer> StartAsync(string? configFile = null) => StartAsync(configFile, null, []);

    /// <summary>
    /// Starts <paramref name="members"/> Alertmanagers meshed into one cluster (<c>--cluster.listen-address</c> on a free
    /// loopback port each, <c>--cluster.peer</c> naming the others), all with <paramref name="configFile"/>, and waits
    /// until each sees every member.
    /// </summary>
    public static async Task<IReadOnlyList<AlertmanagerServer>> StartClusterAsync(string configFile, int members = 2)
    {
        var gossip = Enumerable.Range(0, members).Select(_ => FreePort.Next()).ToList();
        var servers = new List<AlertmanagerServer>();
        foreach (var port in gossip)
        {
            servers.Add(await StartAsync(configFile, port, gossip.Where(p => p != port).ToList()));
        }

        using var http = new HttpClient();
        foreach (var server in servers)
        {
            await Poll.UntilAsync(
                async () =>
                {
                    using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(server.BaseAddress, "/api/v2/status")));
                    return doc.RootElement.GetProperty("cluster").GetProperty("peers").GetArrayLength() == members ? "meshed" : null;
                },
                TimeSpan.FromSeconds(60), $"{members} Alertmanagers to see each other", () => server.Output);
        }

        return servers;
    }

    private static async Task<AlertmanagerServer> StartAsync(string? configFile, int? gossipPort, IReadOnlyList<int> peers)
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
            "--cluster.listen-address=" + (gossipPort is { } g ? $"127.0.0.1:{g}" : string.Empty),
            .. peers.Select(p => $"--cluster.peer=127.0.0.1:{p}"),
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
