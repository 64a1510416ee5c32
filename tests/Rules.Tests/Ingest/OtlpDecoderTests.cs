using AzLocalMonitor.Rules.Diagnostics;
using System.Text;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Tests.Support;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Tests.Ingest;

public class OtlpDecoderTests
{
    [Fact]
    public void Decode_Protobuf_RoundTripsRequest()
    {
        var request = new Otlp().Gauge("azlocal.cluster.quorum", 0).Build();

        var decoded = OtlpDecoder.Decode(request.ToByteArray(), OtlpEncoding.Protobuf);

        Assert.Equal(request, decoded);
    }

    [Fact]
    public void Decode_Json_AcceptsOtlpConventions_CamelCaseAndStringInt64AndUnknownFields()
    {
        const string json = """
            {"resourceMetrics":[{"resource":{"attributes":[{"key":"azlocal.cluster","value":{"stringValue":"c9"}}]},
              "scopeMetrics":[{"scope":{"name":"js"},"metrics":[{"name":"azlocal.cluster.quorum","unit":"",
                "gauge":{"dataPoints":[{"asInt":"0","timeUnixNano":"1795000000000000000","someFutureField":42}]}},
                {"name":"azlocal.storage.operations","unit":"{op}","sum":{"aggregationTemporality":2,"isMonotonic":true,
                "dataPoints":[{"asDouble":12.5,"startTimeUnixNano":1795000000000000000}]}}]}]}]}
            """;

        var decoded = OtlpDecoder.Decode(Encoding.UTF8.GetBytes(json), OtlpEncoding.Json);

        var metrics = decoded.ResourceMetrics[0].ScopeMetrics[0].Metrics;
        Assert.Equal("c9", decoded.ResourceMetrics[0].Resource.Attributes[0].Value.StringValue);
        Assert.Equal(0, metrics[0].Gauge.DataPoints[0].AsInt);
        Assert.Equal(1_795_000_000_000_000_000UL, metrics[0].Gauge.DataPoints[0].TimeUnixNano);
        Assert.True(metrics[1].Sum.IsMonotonic);
        Assert.Equal(12.5, metrics[1].Sum.DataPoints[0].AsDouble);
    }

    [Fact]
    public void Decode_TruncatedJson_Throws()
    {
        var json = """{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"x","gauge":{"dataPoints":[{"asDou""";

        var ex = Assert.Throws<OtlpDecodeException>(() => OtlpDecoder.Decode(Encoding.UTF8.GetBytes(json), OtlpEncoding.Json));
        Assert.Contains("JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_JsonThatIsNotUtf8_Throws()
    {
        byte[] body = [(byte)'{', 0xC3, 0x28, (byte)'}'];

        Assert.Throws<OtlpDecodeException>(() => OtlpDecoder.Decode(body, OtlpEncoding.Json));
    }

    [Fact]
    public void Decode_ProtobufLengthPrefixPastTheEnd_Throws()
    {
        // Field 1 (resource_metrics), wire type 2, length 200, but only 3 bytes follow.
        byte[] body = [0x0A, 0xC8, 0x01, 0x0A, 0x01, 0x00];

        var ex = Assert.Throws<OtlpDecodeException>(() => OtlpDecoder.Decode(body, OtlpEncoding.Protobuf));
        Assert.Contains("protobuf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ProtobufWithInvalidWireType_Throws()
    {
        // Field 1 with wire type 7, which does not exist.
        byte[] body = [0x0F, 0x00];

        Assert.Throws<OtlpDecodeException>(() => OtlpDecoder.Decode(body, OtlpEncoding.Protobuf));
    }

    [Fact]
    public void Decode_ManyRandomBodies_EitherDecodeOrThrowOtlpDecodeException()
    {
        // Garbage must never escape as another exception type (which would be a 500).
        var random = new Random(1234);
        var failures = 0;
        for (var i = 0; i < 2000; i++)
        {
            var body = new byte[random.Next(1, 512)];
            random.NextBytes(body);
            try
            {
                OtlpDecoder.Decode(body, OtlpEncoding.Protobuf);
            }
            catch (OtlpDecodeException)
            {
                failures++;
            }

            try
            {
                OtlpDecoder.Decode(body, OtlpEncoding.Json);
            }
            catch (OtlpDecodeException)
            {
                failures++;
            }
        }

        Assert.True(failures > 2000, $"expected most random bodies to be rejected, {failures} were");
    }

    [Fact]
    public void Decode_EmptyBody_IsAnEmptyRequest()
    {
        Assert.Empty(OtlpDecoder.Decode([], OtlpEncoding.Protobuf).ResourceMetrics);
        Assert.Empty(OtlpDecoder.Decode([], OtlpEncoding.Json).ResourceMetrics);
    }
}
