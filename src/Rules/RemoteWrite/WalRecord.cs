using System.Buffers.Binary;
using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// The buffer's record framing: <c>[int32 payload length][int64 sample time, Unix ms][payload]</c>, little-endian; the
/// payload is one <c>WriteRequest.timeseries</c> field (<see cref="WireEncoder"/>). The length finds the next
/// record and tells a record cut short by a crash (shorter than it says) from a whole one.
/// </summary>
public static class WalRecord
{
    public const int HeaderBytes = 12;

    /// <summary>Starts a record; returns where its length goes (<see cref="End"/> fills it in).</summary>
    public static int Begin(ByteBuffer buffer, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var at = buffer.Length;
        buffer.WriteInt32(0);
        buffer.WriteInt64(timestampMs);
        return at;
    }

    /// <summary>Finishes the record begun at <paramref name="at"/>.</summary>
    public static void End(ByteBuffer buffer, int at)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.PatchInt32(at, buffer.Length - at - HeaderBytes);
    }

    /// <summary>Reads a header; false when fewer than <see cref="HeaderBytes"/> bytes are there or the length is impossible.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> bytes, out int payloadLength, out long timestampMs)
    {
        payloadLength = 0;
        timestampMs = 0;
        if (bytes.Length < HeaderBytes)
        {
            return false;
        }

        payloadLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        timestampMs = BinaryPrimitives.ReadInt64LittleEndian(bytes[4..]);
        return payloadLength > 0;
    }
}
