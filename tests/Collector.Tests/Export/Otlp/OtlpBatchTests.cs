using AzLocalMonitor.Collector.Export.Otlp;
using AzLocalMonitor.Telemetry.Otlp.Common;
using Google.Protobuf;
using Proto = AzLocalMonitor.Telemetry.Otlp.Metrics;
using Request = AzLocalMonitor.Telemetry.Otlp.Collector.ExportMetricsServiceRequest;
using Resource = AzLocalMonitor.Telemetry.Otlp.Resource.Resource;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace AzLocalMonitor.Collector.Tests.Export.Otlp;

/// <summary>
/// The agent's hand-written OTLP encoding against Google.Protobuf's, for the same request built with the classes
/// generated from opentelemetry-proto (src/Telemetry/Protos): the same bytes, so every OTLP receiver reads them alike.
/// </summary>
public class OtlpBatchTests
{
    [Fact]
    public void Encode_EveryShapeTheAgentWrites_SameBytesAsGoogleProtobuf()
    {
        var batch = new OtlpBatch();
        batch.Resource.AddRange([new("service.name", "azlocal-collector"), new("host.name", "nöde-ü"), new("empty", string.Empty)]);
        batch.Scopes.Add(new OtlpScope("AzLocalMonitor.Collector", "1.0.0.0",
        [
            new OtlpMetric("azlocal.node.cpu.utilization", "1", "CPU in use.", OtlpMetricKind.Gauge,
            [
                new OtlpPoint(1_796_243_687_814_330_700, 1_796_243_697_814_330_700, [new("node", "node-1")]).Set(0.25),
                new OtlpPoint(1_796_243_687_814_330_700, 1_796_243_697_814_330_700, [new("node", "node-2")]).Set(0.0),
                new OtlpPoint(1, ulong.MaxValue, [new("node", "node-3")]).Set(double.NaN),
            ]),
            new OtlpMetric("azlocal.storage.operations", "{operation}", new string('d', 300), OtlpMetricKind.MonotonicSum,
            [
                new OtlpPoint(5, 6, [new("node", "node-1"), new("op", "read")]).Set(long.MaxValue),
                new OtlpPoint(5, 6, [new("node", "node-1"), new("op", "write")]).Set(0L),
            ]),
            new OtlpMetric("up.down", string.Empty, string.Empty, OtlpMetricKind.Sum,
            [
                new OtlpPoint(0, 6, [new("flag", true), new("off", false), new("count", 3), new("negative", -2L), new("ratio", 0.5), new("missing", null)]).Set(-42L),
            ]),
            new OtlpMetric("no.points", string.Empty, string.Empty, OtlpMetricKind.Gauge, []),
        ]));
        batch.Scopes.Add(new OtlpScope("AzLocalMonitor.Collector.Agent", string.Empty,
        [
            new OtlpMetric("azlm.agent.batch.sequence", string.Empty, "Sequence.", OtlpMetricKind.Gauge, [new OtlpPoint(0, 6, []).Set(7L)]),
        ]));

        var expected = Generated(batch);

        Assert.Equal(expected.ToByteArray(), batch.Encode());
        Assert.Equal(expected, Request.Parser.ParseFrom(batch.Encode()));
    }

    [Fact]
    public void Encode_EmptyBatch_SameBytesAsGoogleProtobuf()
    {
        var batch = new OtlpBatch();

        Assert.Equal(Generated(batch).ToByteArray(), batch.Encode());
    }

    [Fact]
    public void LatestTime_TheLatestPointTime_ZeroWithoutPoints()
    {
        var batch = new OtlpBatch();
        Assert.Equal(0UL, batch.LatestTime());

        batch.Scopes.Add(new OtlpScope("s", string.Empty,
            [new OtlpMetric("m", string.Empty, string.Empty, OtlpMetricKind.Gauge, [new OtlpPoint(1, 9, []).Set(1L), new OtlpPoint(1, 4, []).Set(1L)])]));
        Assert.Equal(9UL, batch.LatestTime());
    }

    /// <summary>The same request through the generated classes, field by field as the OTLP .proto files define it.</summary>
    private static Request Generated(OtlpBatch batch)
    {
        var resourceMetrics = new Proto.ResourceMetrics { Resource = new Resource() };
        resourceMetrics.Resource.Attributes.AddRange(batch.Resource.Select(a => new KeyValue { Key = a.Key, Value = new AnyValue { StringValue = a.Value } }));
        foreach (var scope in batch.Scopes)
        {
            var scopeMetrics = new Proto.ScopeMetrics { Scope = new InstrumentationScope { Name = scope.Name, Version = scope.Version } };
            foreach (var metric in scope.Metrics)
            {
                var generated = new Proto.Metric { Name = metric.Name, Unit = metric.Unit, Description = metric.Description };
                var points = metric.Points.Select(Point);
                if (metric.Kind == OtlpMetricKind.Gauge)
                {
                    generated.Gauge = new Proto.Gauge();
                    generated.Gauge.DataPoints.AddRange(points);
                }
                else
                {
                    generated.Sum = new Proto.Sum { AggregationTemporality = Proto.AggregationTemporality.Cumulative, IsMonotonic = metric.Kind == OtlpMetricKind.MonotonicSum };
                    generated.Sum.DataPoints.AddRange(points);
                }

                scopeMetrics.Metrics.Add(generated);
            }

            resourceMetrics.ScopeMetrics.Add(scopeMetrics);
        }

        var request = new Request();
        request.ResourceMetrics.Add(resourceMetrics);
        return request;
    }

    private static Proto.NumberDataPoint Point(OtlpPoint point)
    {
        var generated = new Proto.NumberDataPoint { StartTimeUnixNano = point.StartTimeUnixNano, TimeUnixNano = point.TimeUnixNano };
        if (point.IsInt)
        {
            generated.AsInt = point.IntValue;
        }
        else
        {
            generated.AsDouble = point.DoubleValue;
        }

        generated.Attributes.AddRange(point.Attributes.Select(Attribute));
        return generated;
    }

    private static KeyValue Attribute(Tag tag) => new()
    {
        Key = tag.Key,
        Value = tag.Value switch
        {
            bool b => new AnyValue { BoolValue = b },
            int i => new AnyValue { IntValue = i },
            long l => new AnyValue { IntValue = l },
            double d => new AnyValue { DoubleValue = d },
            string s => new AnyValue { StringValue = s },
            null => new AnyValue { StringValue = string.Empty },
            var other => throw new ArgumentException($"no AnyValue for {other.GetType()}"),
        },
    };
}
