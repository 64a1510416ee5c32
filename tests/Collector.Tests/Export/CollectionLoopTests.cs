using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using AzLocalMonitor.Collector.Export.Otlp;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>When collections happen: each interval, on request, and once more at shutdown; never after it.</summary>
public sealed class CollectionLoopTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly List<DateTimeOffset> _collectedAt = [];
    private readonly CollectionLoop _loop;
    private bool _exportSucceeds = true;

    public CollectionLoopTests()
    {
        _loop = new CollectionLoop(at => { _collectedAt.Add(at); return (new OtlpBatch(), null); }, _ => _exportSucceeds, _time, NullLogger.Instance);
    }

    public void Dispose() => _loop.Dispose();

    [Fact]
    public void Start_EachIntervalCollectsOnce_StampedWithItsTime()
    {
        _loop.Start(Interval);
        _time.Advance(Interval - TimeSpan.FromTicks(1));
        Assert.Empty(_collectedAt);

        _time.Advance(TimeSpan.FromTicks(1));
        _time.Advance(Interval);

        Assert.Equal([TestClock.Start + Interval, TestClock.Start + (2 * Interval)], _collectedAt);
    }

    [Fact]
    public void Collect_BetweenTicks_CollectsAtOnceAndReportsTheExport()
    {
        _loop.Start(Interval);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(_loop.Collect());
        _exportSucceeds = false;
        Assert.False(_loop.Collect());

        Assert.Equal([TestClock.Start + TimeSpan.FromSeconds(3), TestClock.Start + TimeSpan.FromSeconds(3)], _collectedAt);
    }

    [Fact]
    public void Shutdown_CollectsALastTimeThenNeverAgain()
    {
        _loop.Start(Interval);

        Assert.True(_loop.Shutdown());
        _time.Advance(3 * Interval);

        Assert.Equal([TestClock.Start], _collectedAt);
        Assert.False(_loop.Collect());
        Assert.False(_loop.Shutdown());
        Assert.Single(_collectedAt);
    }
}
