using System.Buffers.Binary;
using System.Text;

namespace AzLocalMonitor.Telemetry.Wire;

/// <summary>
/// A growable byte array written front to back (reused between requests: <see cref="Clear"/> keeps the array), with the
/// protobuf varint. Shared by Rules' remote-write encoding and WAL and the agent's OTLP writer.
/// </summary>
public sealed class ByteBuffer
{
    private byte[] _bytes;

    public ByteBuffer(int capacity = 4096) => _bytes = new byte[capacity];

    /// <summary>Bytes written.</summary>
    public int Length { get; private set; }

    /// <summary>What was written.</summary>
    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    /// <summary>What was written, as memory (for async file and HTTP writes).</summary>
    public ReadOnlyMemory<byte> Memory => _bytes.AsMemory(0, Length);

    public void Clear() => Length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _bytes[Length++] = value;
    }

    public void WriteVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _bytes[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _bytes[Length++] = (byte)value;
    }

    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>Overwrites 4 bytes already written at <paramref name="at"/> (a length known only afterwards).</summary>
    public void PatchInt32(int at, int value) => BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(at), value);

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteDouble(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteUtf8(string text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        Length += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(Length));
    }

    /// <summary>Inserts <paramref name="bytes"/> at <paramref name="at"/>, moving what follows (a length prefix known only afterwards).</summary>
    public void Insert(int at, ReadOnlySpan<byte> bytes)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)at, (uint)Length, nameof(at));
        Ensure(bytes.Length);
        _bytes.AsSpan(at, Length - at).CopyTo(_bytes.AsSpan(at + bytes.Length));
        bytes.CopyTo(_bytes.AsSpan(at));
        Length += bytes.Length;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Appends exactly <paramref name="count"/> bytes read from <paramref name="stream"/>.</summary>
    public void ReadExactly(Stream stream, int count)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Ensure(count);
        stream.ReadExactly(_bytes, Length, count);
        Length += count;
    }

    private void Ensure(int more)
    {
        if (Length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + more));
        }
    }
}
