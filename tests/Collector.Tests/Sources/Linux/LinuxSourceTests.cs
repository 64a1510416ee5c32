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

    [Fact]
    public void Read_DiskstatsAndMdstat_ReportDiskLatencyOperationsAndRebuild()
    {
        var sys = Directory.CreateDirectory(Path.Combine(_proc, "sys"));
        Directory.CreateDirectory(Path.Combine(sys.FullName, "block", "sda"));
        File.WriteAllText(Path.Combine(_proc, "meminfo"), "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");
        File.WriteAllText(Path.Combine(_proc, "stat"), "cpu  100 0 100 800 0 0 0 0 0 0\n");
        File.WriteAllText(Path.Combine(_proc, "diskstats"), "   8       0 sda 100 0 0 1000 50 0 0 500 0 0 0\n   8       1 sda1 100 0 0 1000 50 0 0 500 0 0 0\n");
        File.WriteAllText(Path.Combine(_proc, "mdstat"), "md0 : active raid1 sdb1[2] sda1[0]\n  [==>...]  recovery = 25.0% (100/400) finish=1.0min speed=1K/sec\n");
        var source = new LinuxSource("host-a", _proc, sys.FullName);
        source.Start();

        File.WriteAllText(Path.Combine(_proc, "diskstats"), "   8       0 sda 104 0 0 1010 60 0 0 530 0 0 0\n   8       1 sda1 104 0 0 1010 60 0 0 530 0 0 0\n");
        var metrics = source.Read().Nodes[0].Metrics!;

        Assert.Equal(0.0025, metrics.ReadLatencySeconds!.Value, 9);
        Assert.Equal(0.003, metrics.WriteLatencySeconds!.Value, 9);
        Assert.Equal(4, metrics.ReadOperations);
        Assert.Equal(10, metrics.WriteOperations);
        Assert.Equal(300 * 1024, metrics.DegradedBytes);
        Assert.Equal([new RepairJob("md0 recovery", 400 * 1024, 100 * 1024)], metrics.LocalRepairJobs);
    }

    [Fact]
    public void Read_NoDiskstatsOrMdstat_ReportsNeitherRatherThanZeros()
    {
        File.WriteAllText(Path.Combine(_proc, "meminfo"), "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");
        File.WriteAllText(Path.Combine(_proc, "stat"), "cpu  100 0 100 800 0 0 0 0 0 0\n");

        var metrics = new LinuxSource("host-a", _proc).Read().Nodes[0].Metrics!;

        Assert.Null(metrics.ReadOperations);
        Assert.Null(metrics.DegradedBytes);
        Assert.Empty(metrics.LocalRepairJobs);
    }
}
