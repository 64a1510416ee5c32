using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Tests.Fakes;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

public class ReadLoopTests
{
    [Fact]
    public async Task AReadThatThrows_IsCountedAndTheLoopGoesOn()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var reads = 0;
        using var done = new SemaphoreSlim(0);
        var told = new List<long>();
        await using var loop = new ReadLoop(
            () =>
            {
                var n = Interlocked.Increment(ref reads);
                done.Release();
                if (n is 1 or 2)
                {
                    throw new OverflowException("Value was either too large or too small for an Int32.");
                }
            },
            TimeSpan.FromSeconds(2),
            time,
            (_, count) => told.Add(count));
        loop.Start();

        var ticks = 0;
        for (var i = 0; i < 3; i++)
        {
            // The timer is created on the loop's task: advance the clock until each read has happened (a dead loop
            // would never read again: give up after 400 ticks rather than hang).
            while (!await done.WaitAsync(TimeSpan.FromMilliseconds(25)) && ++ticks < 400)
            {
                time.Advance(TimeSpan.FromSeconds(2));
            }
        }

        Assert.True(reads >= 3, $"only {reads} reads: the loop stopped after a failed read");
        Assert.Equal(2, loop.Failures);
        Assert.Equal([1L, 2L], told);
        Assert.IsType<OverflowException>(loop.LastError);
    }
}
