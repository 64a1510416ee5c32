using System.Text;
using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

public class DiskStatsParserTests
{
    // Kernel 5.x+ format (20 fields: discard and flush columns), a partition, a loop device and an old 14-field line.
    private const string Fixture = """
         252       0 vda 105016 42195 6742522 41234 620137 455622 14871784 802112 0 771020 1016480 0 0 0 0 89211 173133
         252       1 vda1 104600 42195 6728194 41100 620137 455622 14871784 802112 0 771000 843212 0 0 0 0 0 0
           7       0 loop0 12 0 24 3 0 0 0 0 0 8 3 0 0 0 0 0 0
           8       0 sda 500 10 8000 250 1000 20 16000 4000 0 3000 4250
        garbage line
        """;

    [Fact]
    public void Parse_KeepsReadsWritesAndTheirMilliseconds()
    {
        var disks = DiskStatsParser.Parse(Encoding.ASCII.GetBytes(Fixture));

        Assert.Equal(["vda", "vda1", "loop0", "sda"], disks.Select(d => d.Name));
        Assert.Equal(new DiskStat("vda", 105016, 41234, 620137, 802112), disks[0]);
        Assert.Equal(new DiskStat("sda", 500, 250, 1000, 4000), disks[3]);
    }

    [Fact]
    public void DiskActivity_LatencyIsMillisecondsPerOperation_OverWholeDisksOnly()
    {
        var activity = new DiskActivity();
        Func<string, bool> whole = n => n is "vda" or "sda";
        activity.Update([new DiskStat("vda", 100, 1000, 50, 500), new DiskStat("vda1", 100, 1000, 50, 500)], whole);
        Assert.Null(activity.ReadLatencySeconds);

        // vda: 10 reads took 40 ms, 20 writes 100 ms; the partition's numbers must not count twice; sda appears.
        activity.Update(
        [
            new DiskStat("vda", 110, 1040, 70, 600), new DiskStat("vda1", 110, 1040, 70, 600), new DiskStat("sda", 5, 5, 5, 5),
        ], whole);
        Assert.Equal(0.004, activity.ReadLatencySeconds!.Value, 9);
        Assert.Equal(0.005, activity.WriteLatencySeconds!.Value, 9);
        Assert.Equal(10, activity.TotalReads);
        Assert.Equal(20, activity.TotalWrites);

        // vda disappears and sda's counters go back (re-created): totals never decrease, no I/O means no latency.
        activity.Update([new DiskStat("sda", 1, 1, 1, 1)], whole);
        Assert.Equal(10, activity.TotalReads);
        Assert.Null(activity.ReadLatencySeconds);
        activity.Update([new DiskStat("sda", 3, 11, 1, 1)], whole);
        Assert.Equal(12, activity.TotalReads);
        Assert.Equal(0.005, activity.ReadLatencySeconds!.Value, 9);
    }

    [Theory]
    [InlineData("loop3", true)]
    [InlineData("zram0", true)]
    [InlineData("sr0", true)]
    [InlineData("nvme0n1", false)]
    [InlineData("vda", false)]
    public void IsVirtual(string name, bool expected) => Assert.Equal(expected, DiskActivity.IsVirtual(name));
}
