using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>A linux collector pointed at Rules: this machine's real CPU, memory, disk latency and peer round trip show on /metrics.</summary>
public sealed class LinuxHostAgentTests
{
    private const string Cluster = "agent-linux-host";

    [Fact]
    public async Task LinuxCollector_RulesMetricsShowThisHostsCpuMemoryDiskLatencyAndPeerLatency()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("azlm-agent-linux-").FullName;
        await using var rules = await RulesServer.StartAsync(null);
        using var peer = new TcpListener(IPAddress.Loopback, 0);
        peer.Start();
        var peerPort = ((IPEndPoint)peer.LocalEndpoint).Port;
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = new StringWriter();
        var collector = Task.Run(() => CollectorApp.RunAsync(
            ["--source", "linux", "--cluster", Cluster, "--node", "this-host", "--rules", rules.BaseAddress.ToString(),
             "--interval", "1s", "--spool", Path.Combine(work, "spool"), "--peer", $"storage=127.0.0.1:{peerPort}"],
            output, output, stop.Token));

        // Disk latency needs I/O in the interval: write and fsync a file on the real disk while we wait.
        using var writes = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var file = Path.Combine(work, "io.bin");
            var block = new byte[64 * 1024];
            while (!writes.IsCancellationRequested)
            {
                await using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                {
                    await stream.WriteAsync(block);
                    stream.Flush(flushToDisk: true);
                }

                await Task.Delay(50);
            }
        });

        string[] wanted =
        [
            "azlocal_node_cpu_utilization_ratio", "azlocal_node_memory_size_bytes", "azlocal_node_memory_utilization_ratio",
            "azlocal_storage_latency_seconds{ op=\"write\"", "azlocal_storage_operations_total{ op=\"write\"", "azlocal_network_latency_seconds",
            "azlm_agent_batch_sequence",
        ];
        string[] lines;
        try
        {
            lines = await Poll.UntilAsync(
                async () =>
                {
                    var all = (await http.GetStringAsync(new Uri(rules.BaseAddress, "/metrics"))).Split('\n')
                        .Where(l => l.Contains($"cluster=\"{Cluster}\"", StringComparison.Ordinal)).ToArray();
                    return wanted.All(w => all.Any(l => Matches(l, w))) ? all : null;
                },
                TimeSpan.FromSeconds(60), "host metrics on Rules' /metrics", () => output.ToString());
        }
        finally
        {
            await writes.CancelAsync();
            await writer;
            await stop.CancelAsync();
        }

        Assert.Equal(ExitCodes.Success, await collector.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.InRange(Value(lines, "azlocal_node_cpu_utilization_ratio"), 0, 1);
        Assert.InRange(Value(lines, "azlocal_node_memory_utilization_ratio"), 0.0001, 1);
        var memTotalKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(double.Parse(memTotalKb, CultureInfo.InvariantCulture) * 1024, Value(lines, "azlocal_node_memory_size_bytes"));
        Assert.InRange(Value(lines, "azlocal_storage_latency_seconds{ op=\"write\""), 1e-7, 5);
        Assert.True(Value(lines, "azlocal_storage_operations_total{ op=\"write\"") > 0);
        var network = lines.Single(l => l.StartsWith("azlocal_network_latency_seconds", StringComparison.Ordinal));
        Assert.Contains("network=\"storage\"", network, StringComparison.Ordinal);
        Assert.Contains("peer=\"127.0.0.1\"", network, StringComparison.Ordinal);
        Assert.Contains("node=\"this-host\"", network, StringComparison.Ordinal);
        Assert.InRange(Value(lines, "azlocal_network_latency_seconds"), 1e-7, 0.5);
        Directory.Delete(work, recursive: true);
    }

    // "name{ label=\"v\"" matches a series of that name carrying that label (Rules sorts labels); "name" any series of it.
    private static bool Matches(string line, string pattern)
    {
        var parts = pattern.Split("{ ", 2);
        return line.StartsWith(parts[0] + "{", StringComparison.Ordinal) && (parts.Length == 1 || line.Contains(parts[1], StringComparison.Ordinal));
    }

    private static double Value(string[] lines, string prefix)
    {
        var line = lines.First(l => Matches(l, prefix));
        var fields = line[(line.LastIndexOf('}') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(fields[0], CultureInfo.InvariantCulture);
    }
}
