using System.Text;
using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

public class MemInfoParserTests
{
    private const string Fixture = """
        MemTotal:       16318004 kB
        MemFree:          512340 kB
        MemAvailable:    8159002 kB
        Buffers:          120000 kB
        """;

    [Fact]
    public void TryParse_Fixture_ReturnsBytes()
    {
        Assert.True(MemInfoParser.TryParse(Encoding.ASCII.GetBytes(Fixture), out var info));

        Assert.Equal(16318004L * 1024, info.TotalBytes);
        Assert.Equal(8159002L * 1024, info.AvailableBytes);
    }

    [Fact]
    public void TryParse_WithoutMemAvailable_ReturnsFalse()
    {
        Assert.False(MemInfoParser.TryParse("MemTotal: 100 kB\nMemFree: 50 kB\n"u8, out _));
    }

    [Fact]
    public void TryParse_UnknownUnit_ReturnsFalse()
    {
        Assert.False(MemInfoParser.TryParse("MemTotal: 100 MB\nMemAvailable: 50 kB\n"u8, out _));
    }

    [Fact]
    public void TryParse_ThisHost_WhenLinux_Parses()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return;
        }

        Assert.True(MemInfoParser.TryParse(File.ReadAllBytes("/proc/meminfo"), out var info));
        Assert.InRange(info.AvailableBytes, 1, info.TotalBytes);
    }
}
