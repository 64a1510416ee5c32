using System.Buffers.Binary;
using System.Text;

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

    private byte[] _buffer = new byte[1024];
    private int _length;

    public int Length => _length;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Varint(int field, ulong value)
    {
        Tag(field, VarintType);
        RawVarint(value);
    }

    public void Fixed64(int field, ulong value)
    {
        Tag(field, Fixed64Type);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
    }

    public void Double(int field, double value) => Fixed64(field, BitConverter.DoubleToUInt64Bits(value));

    public void String(int field, string value)
    {
        Tag(field, LengthDelimitedType);
        var count = Encoding.UTF8.GetByteCount(value);
        RawVarint((ulong)count);
        Encoding.UTF8.GetBytes(value, Reserve(count));
    }

    /// <summary>Starts a nested message; pass the result to <see cref="EndMessage"/> once its fields are written.</summary>
    public int BeginMessage(int field)
    {
        Tag(field, LengthDelimitedType);
        return _length;
    }

    public void EndMessage(int start)
    {
        var bodyLength = _length - start;
        Span<byte> prefix = stackalloc byte[10];
        var prefixLength = 0;
        for (var value = (ulong)bodyLength; ; value >>= 7)
        {
            if (value < 0x80)
            {
                prefix[prefixLength++] = (byte)value;
                break;
            }

            prefix[prefixLength++] = (byte)(value | 0x80);
        }

        Reserve(prefixLength);
        _buffer.AsSpan(start, bodyLength).CopyTo(_buffer.AsSpan(start + prefixLength));
        prefix[..prefixLength].CopyTo(_buffer.AsSpan(start));
    }

    private void Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    private void RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            Reserve(1)[0] = (byte)(value | 0x80);
            value >>= 7;
        }

        Reserve(1)[0] = (byte)value;
    }

    /// <summary>Grows the buffer by <paramref name="count"/> bytes at the end and returns them.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
