using AzLocalMonitor.Rules.Diagnostics;
using System.Text;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>Decodes an OTLP/HTTP metrics export body, protobuf or JSON, into the request message.</summary>
public static class OtlpDecoder
{
    // OTLP receivers must ignore fields they do not know (the protocol adds fields over time).
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithRecursionLimit(64));

    /// <summary>Decodes <paramref name="body"/>; throws <see cref="OtlpDecodeException"/> with a readable reason when it is not valid.</summary>
    public static ExportMetricsServiceRequest Decode(ReadOnlySpan<byte> body, OtlpEncoding encoding)
    {
        try
        {
            return encoding switch
            {
                OtlpEncoding.Protobuf => ExportMetricsServiceRequest.Parser.ParseFrom(body),
                _ => DecodeJson(body),
            };
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new OtlpDecodeException($"Invalid OTLP {Describe(encoding)} body: {ex.Message}", ex);
        }
        catch (InvalidJsonException ex)
        {
            throw new OtlpDecodeException($"Invalid OTLP JSON body: {ex.Message}", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new OtlpDecodeException("Invalid OTLP JSON body: not UTF-8.", ex);
        }
        catch (FormatException ex)
        {
            throw new OtlpDecodeException($"Invalid OTLP {Describe(encoding)} body: {ex.Message}", ex);
        }
    }

    private static ExportMetricsServiceRequest DecodeJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new ExportMetricsServiceRequest();
        }

        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        return Json.Parse<ExportMetricsServiceRequest>(text);
    }

    private static string Describe(OtlpEncoding encoding) => encoding == OtlpEncoding.Protobuf ? "protobuf" : "JSON";
}
