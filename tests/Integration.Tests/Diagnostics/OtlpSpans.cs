using System.Text;
using Google.Protobuf;

namespace AzLocalMonitor.Integration.Tests.Diagnostics;

/// <summary>
/// Reads spans out of an OTLP <c>ExportTraceServiceRequest</c> by walking the protobuf wire format with the field
/// numbers of opentelemetry-proto's trace.proto (resource_spans 1 → scope_spans 2 → spans 2; span name 5,
/// attributes 9: KeyValue key 1, value 2 → AnyValue string_value 1; span_id 2, parent_span_id 4). The repository
/// compiles only the metrics protos; these few fields do not justify compiling trace.proto for a test.
/// </summary>
public static class OtlpSpans
{
    public sealed record Span(string Name, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes);

    public static IEnumerable<Span> Read(byte[] request) =>
        from resourceSpans in Fields(request, 1)
        from scopeSpans in Fields(resourceSpans, 2)
        from span in Fields(scopeSpans, 2)
        select new Span(
            Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []),
            Convert.ToHexString(Fields(span, 2).FirstOrDefault() ?? []),
            Convert.ToHexString(Fields(span, 4).FirstOrDefault() ?? []),
            Fields(span, 9).Select(kv => (Key: Encoding.UTF8.GetString(Fields(kv, 1).FirstOrDefault() ?? []), Value: Fields(kv, 2).SelectMany(v => Fields(v, 1)).FirstOrDefault()))
                .Where(a => a.Value is not null)
                .GroupBy(a => a.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.First().Value!), StringComparer.Ordinal));

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of a message (other fields skipped).</summary>
    private static IEnumerable<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                var bytes = input.ReadBytes().ToByteArray();
                if (WireFormat.GetTagFieldNumber(tag) == number)
                {
                    found.Add(bytes);
                }
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }
}
