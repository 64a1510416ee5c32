using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Series;

public class TimeSeriesTests
{
    [Fact]
    public void Record_KeepsLatestAndARingOfRecentPoints()
    {
        var series = new TimeSeries("m", LabelSet.Empty, MetricKind.Gauge, historyLength: 3);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(RecordResult.Changed, series.Record(i * 1000, i, i * 1000));
        }

        Assert.Equal(5, series.Value);
        Assert.Equal(3, series.HistoryCount);
        Assert.Equal((5000L, 5d), series.Recent(0));
        Assert.Equal((3000L, 3d), series.Recent(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => series.Recent(3));
    }

    [Fact]
    public void Record_OlderPoint_IsRefused()
    {
        var series = new TimeSeries("m", LabelSet.Empty, MetricKind.Gauge, historyLength: 3);
        series.Record(2000, 2, 2000);

        Assert.Equal(RecordResult.Rejected, series.Record(1000, 1, 2500));
        Assert.Equal(2, series.Value);
        Assert.Equal(2000, series.ReceivedMs);
    }

    [Fact]
    public void IsFresh_DependsOnReceiveTime()
    {
        var series = new TimeSeries("m", LabelSet.Empty, MetricKind.Gauge, historyLength: 0);
        series.Record(0, 1, receivedMs: 10_000);

        Assert.True(series.IsFresh(70_000, 60_000));
        Assert.False(series.IsFresh(70_001, 60_000));
    }

    [Fact]
    public void Record_SameValue_IsUnchanged_UnlessTheSeriesWasStale()
    {
        var series = new TimeSeries("m", LabelSet.Empty, MetricKind.Gauge, historyLength: 4);

        Assert.Equal(RecordResult.Changed, series.Record(1000, 5, 1000, staleAfterMs: 60_000));
        Assert.Equal(RecordResult.Unchanged, series.Record(2000, 5, 2000, staleAfterMs: 60_000));
        Assert.Equal(RecordResult.Changed, series.Record(3000, 6, 3000, staleAfterMs: 60_000));
        Assert.Equal(RecordResult.Changed, series.Record(90_000, 6, 90_000, staleAfterMs: 60_000));
    }
}
