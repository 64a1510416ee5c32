using System.Text;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Collector.Export.Otlp;

/// <summary>
/// The protobuf wire format, as much of it as OTLP metrics need (docs: protobuf.dev, "Encoding"): varints, 64-bit
/// fixed fields, length-delimited strings and nested messages. A nested message is written in place and its length
/// prefix inserted when it ends. Proto3 rules are the caller's: skip default scalars, always write set messages and
/// oneof members.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int VarintType = 0;
    private const int Fixed64Type = 1;
    private const int LengthDelimitedType = 2;

    private readonly ByteBuffer _bytes = new(1024);
    private readonly ByteBuffer _prefix = new(10); // a nested message's length, reused

    public int Length => _bytes.Length;

    public byte[] ToArray() => _bytes.Span.ToArray();

    public void Varint(int field, ulong value)
    {
        Tag(field, VarintType);
        _bytes.WriteVarint(value);
    }

    public void Fixed64(int field, ulong value)
    {
        Tag(field, Fixed64Type);
        _bytes.WriteInt64(unchecked((long)value));
    }

    public void Double(int field, double value)
    {
        Tag(field, Fixed64Type);
        _bytes.WriteDouble(value);
    }

    public void String(int field, string value)
    {
        Tag(field, LengthDelimitedType);
        _bytes.WriteVarint((ulong)Encoding.UTF8.GetByteCount(value));
        _bytes.WriteUtf8(value);
    }

    /// <summary>Starts a nested message; pass the result to <see cref="EndMessage"/> once its fields are written.</summary>
    public int BeginMessage(int field)
    {
        Tag(field, LengthDelimitedType);
        return _bytes.Length;
    }

    public void EndMessage(int start)
    {
        _prefix.Clear();
        _prefix.WriteVarint((ulong)(_bytes.Length - start));
        _bytes.Insert(start, _prefix.Span);
    }

    private void Tag(int field, int wireType) => _bytes.WriteVarint((ulong)((field << 3) | wireType));
}
