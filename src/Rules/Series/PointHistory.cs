using System.Buffers.Binary;
using System.Numerics;

namespace AzLocalMonitor.Rules.Series;

/// <summary>
/// A series' short history: its most recent points (at most a fixed number, the oldest dropped first), packed into one
/// byte array instead of a <c>long[]</c> and a <c>double[]</c> of the full length (560 bytes for 32 points, allocated
/// up front). Every point is kept exactly: times and value bits round-trip unchanged.
/// </summary>
/// <remarks>
/// Layout: a 56-byte header (limit, count, bytes used, then the oldest point — the anchor — and the newest point, each
/// with the time step that led to it), then one entry per point after the anchor, oldest first, each encoded against
/// the point before it as in Gorilla (Pelkonen et al., VLDB 2015) but byte-aligned:
/// <list type="bullet">
/// <item>a flag byte: bit 7 = the time step differs from the previous step (a zigzag varint of the difference
/// follows), bit 6 = the value is bit-identical to the previous one, bits 3–5 / 0–2 = whole zero bytes at the top /
/// bottom of the XOR of the two values' bits;</item>
/// <item>then the XOR's remaining (non-zero-byte-trimmed) bytes, most significant first.</item>
/// </list>
/// Reports at a regular interval with an unchanged value cost one byte per point; a value that changes costs up to
/// nine. Dropping the oldest point decodes the first entry into the anchor and moves the rest down: entries encode
/// against their predecessor only (the anchor keeps the step that led to it), so no other entry changes.
/// Time arithmetic is unchecked (wrapping): encoding and decoding wrap the same way, so any long round-trips.
/// A struct holding only the array, so a <see cref="TimeSeries"/> pays one reference for it (none used: null).
/// </remarks>
internal struct PointHistory
{
    private const int LimitAt = 0;        // ushort: most points kept
    private const int CountAt = 2;        // ushort: points held
    private const int UsedAt = 4;         // int: bytes used, header included
    private const int AnchorTimeAt = 8;   // the oldest point
    private const int AnchorValueAt = 16;
    private const int AnchorStepAt = 24;  // its time minus the time of the point dropped before it (0 at first)
    private const int LastTimeAt = 32;    // the newest point
    private const int LastValueAt = 40;
    private const int LastStepAt = 48;
    private const int HeaderSize = 56;
    private const int MaxEntrySize = 1 + 10 + 8; // flag, varint of a 64-bit step difference, 8 XOR bytes

    private const byte StepChanged = 0x80;
    private const byte SameValue = 0x40;

    private byte[]? _buffer;

    /// <summary>A history of at most <paramref name="limit"/> points; 0 keeps none and allocates nothing.</summary>
    public PointHistory(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ushort.MaxValue);
        if (limit > 0)
        {
            // Room for one byte per point from the start (up to 64), plus the first step written in full: a steady
            // series never reallocates, and the arrays a changing one outgrows are fewer (each is garbage the GC must
            // reach in its oldest generation).
            _buffer = new byte[RoundUp8(HeaderSize + 4 + Math.Min(limit, 64))];
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(LimitAt), (ushort)limit);
            Used = HeaderSize;
        }
    }

    /// <summary>Points held.</summary>
    public readonly int Count => _buffer is null ? 0 : BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(CountAt));

    /// <summary>Bytes of the backing array (its object header not included): for measurements and tests.</summary>
    public readonly int CapacityBytes => _buffer?.Length ?? 0;

    private readonly int Limit => BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(LimitAt));

    private readonly int Used
    {
        get => BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(UsedAt));
        set => BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(UsedAt), value);
    }

    private readonly void SetCount(int count) => BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(CountAt), (ushort)count);

    /// <summary>Appends the newest point, dropping the oldest when full. No-op for a history of 0 points.</summary>
    public void Add(long timestampMs, double value)
    {
        if (_buffer is null)
        {
            return;
        }

        var count = Count;
        if (count == Limit)
        {
            DropOldest(count);
            count--;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        if (count == 0)
        {
            var header = _buffer.AsSpan();
            WriteLong(header, AnchorTimeAt, timestampMs);
            WriteLong(header, AnchorValueAt, bits);
            WriteLong(header, AnchorStepAt, 0);
            WriteLong(header, LastTimeAt, timestampMs);
            WriteLong(header, LastValueAt, bits);
            WriteLong(header, LastStepAt, 0);
            Used = HeaderSize;
            SetCount(1);
            return;
        }

        var lastTime = ReadLong(_buffer, LastTimeAt);
        var lastStep = ReadLong(_buffer, LastStepAt);
        var step = unchecked(timestampMs - lastTime);
        Span<byte> entry = stackalloc byte[MaxEntrySize];
        var length = Encode(entry, unchecked(step - lastStep), (ulong)(bits ^ ReadLong(_buffer, LastValueAt)));

        var used = Used;
        if (used + length > _buffer.Length)
        {
            // While filling, grow by half (few reallocations); once full, by an eighth (little slack kept for good).
            var grown = count + 1 < Limit ? _buffer.Length + (_buffer.Length / 2) : _buffer.Length + (_buffer.Length / 8);
            Resize(Math.Max(used + length, grown));
        }

        entry[..length].CopyTo(_buffer.AsSpan(used));
        Used = used + length;
        WriteLong(_buffer, LastTimeAt, timestampMs);
        WriteLong(_buffer, LastValueAt, bits);
        WriteLong(_buffer, LastStepAt, step);
        SetCount(count + 1);
        used = Used;
        if ((count + 1 == Limit && _buffer.Length > RoundUp8(used + (used / 8))) || _buffer.Length > (2 * used) + 64)
        {
            // Just filled: the ring's size is known now, give back the growth slack. Or the values settled and the
            // ring holds far less than its array: give that back too.
            Resize(used + (used / 8));
        }
    }

    /// <summary>The <paramref name="i"/>-th most recent point (0 = newest).</summary>
    public readonly (long TimestampMs, double Value) Recent(int i)
    {
        var count = Count;
        if ((uint)i >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(i));
        }

        Span<(long, double)> one = stackalloc (long, double)[1];
        Copy(count - 1 - i, one);
        return one[0];
    }

    /// <summary>
    /// Copies the newest <c>min(destination.Length, Count)</c> points into <paramref name="destination"/>, oldest first;
    /// returns how many.
    /// </summary>
    public readonly int CopyNewest(Span<(long TimestampMs, double Value)> destination)
    {
        var n = Math.Min(destination.Length, Count);
        Copy(Count - n, destination[..n]);
        return n;
    }

    /// <summary>Decodes the points from index <paramref name="first"/> (0 = oldest) into <paramref name="destination"/>.</summary>
    private readonly void Copy(int first, Span<(long TimestampMs, double Value)> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var buffer = _buffer!;
        var time = ReadLong(buffer, AnchorTimeAt);
        var bits = ReadLong(buffer, AnchorValueAt);
        var step = ReadLong(buffer, AnchorStepAt);
        var at = HeaderSize;
        for (var index = 0; ; index++)
        {
            if (index >= first)
            {
                destination[index - first] = (time, BitConverter.Int64BitsToDouble(bits));
                if (index - first + 1 == destination.Length)
                {
                    return;
                }
            }

            Decode(buffer, ref at, ref time, ref bits, ref step);
        }
    }

    private readonly void DropOldest(int count)
    {
        var buffer = _buffer!;
        if (count == 1)
        {
            Used = HeaderSize;
            SetCount(0);
            return;
        }

        var time = ReadLong(buffer, AnchorTimeAt);
        var bits = ReadLong(buffer, AnchorValueAt);
        var step = ReadLong(buffer, AnchorStepAt);
        var at = HeaderSize;
        Decode(buffer, ref at, ref time, ref bits, ref step);
        WriteLong(buffer, AnchorTimeAt, time);
        WriteLong(buffer, AnchorValueAt, bits);
        WriteLong(buffer, AnchorStepAt, step);
        var used = Used;
        buffer.AsSpan(at, used - at).CopyTo(buffer.AsSpan(HeaderSize));
        Used = used - (at - HeaderSize);
        SetCount(count - 1);
    }

    private void Resize(int bytes)
    {
        var resized = new byte[RoundUp8(bytes)];
        _buffer.AsSpan(0, Used).CopyTo(resized);
        _buffer = resized;
    }

    private static int RoundUp8(int bytes) => (bytes + 7) & ~7; // arrays are allocated in 8-byte steps anyway

    private static int Encode(Span<byte> entry, long stepChange, ulong xor)
    {
        var flag = (byte)0;
        var at = 1;
        if (stepChange != 0)
        {
            flag |= StepChanged;
            var zigzag = (ulong)((stepChange << 1) ^ (stepChange >> 63));
            while (zigzag >= 0x80)
            {
                entry[at++] = (byte)(zigzag | 0x80);
                zigzag >>= 7;
            }

            entry[at++] = (byte)zigzag;
        }

        if (xor == 0)
        {
            flag |= SameValue;
        }
        else
        {
            var leading = BitOperations.LeadingZeroCount(xor) / 8;
            var trailing = BitOperations.TrailingZeroCount(xor) / 8;
            flag |= (byte)((leading << 3) | trailing);
            for (var k = 7 - leading; k >= trailing; k--)
            {
                entry[at++] = (byte)(xor >> (8 * k));
            }
        }

        entry[0] = flag;
        return at;
    }

    private static void Decode(byte[] buffer, ref int at, ref long time, ref long bits, ref long step)
    {
        var flag = buffer[at++];
        if ((flag & StepChanged) != 0)
        {
            ulong zigzag = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = buffer[at++];
                zigzag |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            step = unchecked(step + ((long)(zigzag >> 1) ^ -(long)(zigzag & 1)));
        }

        time = unchecked(time + step);
        if ((flag & SameValue) == 0)
        {
            var leading = (flag >> 3) & 7;
            var trailing = flag & 7;
            ulong xor = 0;
            for (var k = 7 - leading; k >= trailing; k--)
            {
                xor |= (ulong)buffer[at++] << (8 * k);
            }

            bits ^= (long)xor;
        }
    }

    private static long ReadLong(byte[] buffer, int at) => BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(at));

    private static void WriteLong(Span<byte> buffer, int at, long value) => BinaryPrimitives.WriteInt64LittleEndian(buffer[at..], value);
}
