using System.Text;
using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

public class ProcStatParserTests
{
    private const string Fixture = """
        cpu  10132153 290696 3084719 46828483 16683 0 25195 0 175628 0
        cpu0 1393280 32966 572056 13343292 6130 0 17875 0 23933 0
        intr 199292 0 0
        ctxt 1990473
        """;

    [Fact]
    public void TryParse_AggregateLine_BusyExcludesIdleAndIoWait()
    {
        Assert.True(ProcStatParser.TryParse(Encoding.ASCII.GetBytes(Fixture), out var times));

        // user+nice+system+irq+softirq+steal; guest is inside user and not counted twice.
        Assert.Equal(10132153UL + 290696 + 3084719 + 0 + 25195 + 0, times.Busy);
        Assert.Equal(times.Busy + 46828483 + 16683, times.Total);
    }

    [Fact]
    public void TryParse_OldKernelWithFourFields_Parses()
    {
        Assert.True(ProcStatParser.TryParse("cpu  100 0 50 850\n"u8, out var times));
        Assert.Equal(150UL, times.Busy);
        Assert.Equal(1000UL, times.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4\n")]
    [InlineData("cpu  1 2 x 4\n")]
    [InlineData("cpu  1 2\n")]
    [InlineData("intr 1 2 3 4\ncpu  1 2 3 4\n")]
    public void TryParse_NotAnAggregateCpuLine_ReturnsFalse(string text)
    {
        Assert.False(ProcStatParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Utilization_BetweenTwoReadings_IsBusyShareOfTheDelta()
    {
        var before = new CpuTimes(Busy: 1000, Total: 4000);
        var after = new CpuTimes(Busy: 1300, Total: 5000);

        Assert.Equal(0.3, CpuTimes.Utilization(before, after)!.Value, 6);
    }

    [Fact]
    public void Utilization_NoTicksPassed_IsNull()
    {
        var same = new CpuTimes(10, 100);

        Assert.Null(CpuTimes.Utilization(same, same));
    }
}
