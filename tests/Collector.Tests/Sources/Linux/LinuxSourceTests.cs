using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Linux;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

public sealed class LinuxSourceTests : IDisposable
{
    private readonly string _proc = Directory.CreateTempSubdirectory("azlm-proc-").FullName;

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    [Fact]
    public void Read_FixtureProc_ReportsItselfUpWithCpuDeltaAndMemory()
    {
        File.WriteAllText(Path.Combine(_proc, "meminfo"), "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");
        File.WriteAllText(Path.Combine(_proc, "stat"), "cpu  100 0 100 800 0 0 0 0 0 0\n");
        var source = new LinuxSource("host-a", _proc);
        source.Start();

        File.WriteAllText(Path.Combine(_proc, "stat"), "cpu  150 0 150 900 0 0 0 0 0 0\n");
        var reading = source.Read();

        var node = Assert.Single(reading.Nodes);
        Assert.Equal("host-a", node.Name);
        Assert.Equal(NodeState.Up, node.State);
        Assert.Null(reading.Cluster);
        Assert.Equal(0.5, node.Metrics!.CpuUtilization!.Value, 6);
        Assert.Equal(1000 * 1024, node.Metrics.MemorySizeBytes);
        Assert.Equal(250 * 1024, node.Metrics.MemoryAvailableBytes);
        Assert.Equal(0.75, node.Metrics.MemoryUtilization!.Value, 6);
    }

    [Fact]
    public void Start_NoProcFiles_ThrowsSourceUnavailable()
    {
        var source = new LinuxSource("host-a", _proc);

        var error = Assert.Throws<SourceUnavailableException>(source.Start);
        Assert.Contains("stat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargeProcFile_GrowsBuffer()
    {
        var padding = string.Concat(Enumerable.Repeat("Filler:          1 kB\n", 2000));
        File.WriteAllText(Path.Combine(_proc, "meminfo"), padding + "MemTotal: 1000 kB\nMemAvailable: 500 kB\n");
        File.WriteAllText(Path.Combine(_proc, "stat"), "cpu  1 0 1 8 0 0 0 0 0 0\n");

        var reading = new LinuxSource("host-a", _proc).Read();

        Assert.Equal(500 * 1024, reading.Nodes[0].Metrics!.MemoryAvailableBytes);
    }
}
