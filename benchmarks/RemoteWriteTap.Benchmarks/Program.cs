using System.Diagnostics;
using System.Globalization;
using AzLocalMonitor.Rules.RemoteWrite;
using AzLocalMonitor.Rules.Series;

// Usage: dotnet run -c Release --project benchmarks/RemoteWriteTap.Benchmarks -- [--requests N] [--per-request N]
// What IngestPipeline adds per request when RemoteWrite is on: a batch, one encode per stored sample, one buffer
// write per shard touched. No network: the senders are not started (their cost is benchmarks/remote-write.sh's).
var requests = Arg("--requests", 10_000);
var perRequest = Arg("--per-request", 300);
var dir = Directory.CreateTempSubdirectory("azlm-tapbench-").FullName;
try
{
    var options = new RemoteWriteOptions { WalPath = dir, MaxBufferBytes = 64L << 30 };
    using var buffer = new RemoteWriteBuffer(options, []);
    var tap = new RemoteWriteTap(buffer, options);
    var clusters = Enumerable.Range(0, 20).Select(i => $"cluster-{i:00}").ToArray();
    var labels = Enumerable.Range(0, perRequest)
        .Select(i => LabelSet.Of("cluster", clusters[i % clusters.Length], "node", $"node-{i % 3}", "volume", $"vol-{i}")).ToArray();

    Run(requests / 10); // warm-up (JIT)
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    Run(requests);
    var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    var samples = (double)requests * perRequest;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"tap: {samples:N0} samples in {requests:N0} requests of {perRequest}: {wall.Elapsed.TotalSeconds:F2} s wall, {seconds:F2} s CPU → {samples / seconds:N0} samples per CPU-second ({seconds / samples * 1e9:F0} ns each); {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / samples:F1} bytes allocated per sample; buffer {buffer.Shards.Sum(s => s.Bytes) / samples:F0} bytes per sample on disk"));

    void Run(int count)
    {
        for (var r = 0; r < count; r++)
        {
            var batch = tap.Begin();
            var cluster = clusters[r % clusters.Length];
            for (var i = 0; i < perRequest; i++)
            {
                batch.Add(cluster, "azlocal_volume_size_bytes", labels[i], (r * 1.5) + i, 1_795_000_000_000 + r);
            }

            batch.Commit();
        }
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
