using System.Diagnostics.Metrics;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Tests.Fakes;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using OtlpRequest = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceRequest;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>What the SDK oracle (SdkOracleTests) cannot show with the catalog: failing callbacks, other meters, repeated attribute sets.</summary>
public sealed class MeterCollectorTests
{
    [Fact]
    public void Collect_ACallbackThrows_TheOtherInstrumentsAreCollectedAndTheErrorReturned()
    {
        using var meter = new Meter("test.throwing");
        meter.CreateObservableGauge<long>("broken", (Func<long>)(() => throw new InvalidOperationException("no reading")));
        meter.CreateObservableGauge("fine", () => 7L);
        using var collector = new MeterCollector(meter, [], TestClock.Start);

        var request = OtlpRequest.Parser.ParseFrom(collector.Collect(TestClock.Start.AddSeconds(10), out var errors).Encode());

        var metric = Assert.Single(Assert.Single(Assert.Single(request.ResourceMetrics).ScopeMetrics).Metrics);
        Assert.Equal("fine", metric.Name);
        Assert.Equal(7, Assert.Single(metric.Gauge.DataPoints).AsInt);
        Assert.IsType<InvalidOperationException>(Assert.Single(Assert.IsType<AggregateException>(errors).InnerExceptions));
    }

    [Fact]
    public void Collect_OnlyItsOwnMeter_EvenUnderTheSameName()
    {
        using var mine = new Meter("test.same-name");
        using var other = new Meter("test.same-name");
        mine.CreateObservableCounter("ops", () => 5L);
        other.CreateObservableCounter("ops", () => 99L);
        using var collector = new MeterCollector(mine, [], TestClock.Start);

        var metric = Assert.Single(OtlpRequest.Parser.ParseFrom(collector.Collect(TestClock.Start.AddSeconds(10), out _).Encode()).ResourceMetrics[0].ScopeMetrics[0].Metrics);

        Assert.Equal(5, Assert.Single(metric.Sum.DataPoints).AsInt);
        Assert.True(metric.Sum.IsMonotonic);
        Assert.Equal(AggregationTemporality.Cumulative, metric.Sum.AggregationTemporality);
    }

    [Fact]
    public void Collect_RepeatedAttributeSet_OnePointWithTheLastValue()
    {
        using var meter = new Meter("test.repeated");
        meter.CreateObservableGauge("size", () => new[]
        {
            new Measurement<double>(1, new("volume", "v1"), new("pool", "p")),
            new Measurement<double>(2, new("pool", "p"), new("volume", "v1")),
            new Measurement<double>(3, new("volume", "v2"), new("pool", "p")),
        });
        using var collector = new MeterCollector(meter, [], TestClock.Start);

        var points = OtlpRequest.Parser.ParseFrom(collector.Collect(TestClock.Start.AddSeconds(10), out _).Encode()).ResourceMetrics[0].ScopeMetrics[0].Metrics[0].Gauge.DataPoints;

        Assert.Equal([2.0, 3.0], points.Select(p => p.AsDouble));
        Assert.All(points, p => Assert.Equal(["pool", "volume"], p.Attributes.Select(a => a.Key)));
    }
}
