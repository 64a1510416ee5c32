using AzLocalMonitor.Telemetry.Wire;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>Reads the next batch of records after a cursor: their payloads concatenated are a WriteRequest.</summary>
public static class WalReader
{
    /// <summary>A batch read: the payload bytes, how many samples, the newest sample time and where the next batch starts.</summary>
    public readonly record struct Batch(int Samples, long HighestMs, WalPosition Next);

    /// <summary>
    /// Reads up to <paramref name="maxSamples"/> whole records from <paramref name="cursor"/>'s position into
    /// <paramref name="payload"/> (cleared first). Crosses into newer segments; stops at the end of what was written.
    /// </summary>
    public static Batch Read(WalCursor cursor, int maxSamples, ByteBuffer payload)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(payload);
        payload.Clear();
        var shard = cursor.Shard;
        var position = cursor.Position;
        var samples = 0;
        var highest = 0L;
        var header = new byte[WalRecord.HeaderBytes];
        while (samples < maxSamples)
        {
            var current = shard.CurrentSeq;
            FileStream stream;
            try
            {
                stream = new FileStream(shard.SegmentPath(position.Seq), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            }
            catch (FileNotFoundException)
            {
                // Deleted under the size limit (or never written): go on at the next segment there is.
                var next = shard.Segments().FirstOrDefault(s => s > position.Seq);
                if (next == 0 || position.Seq >= current)
                {
                    break;
                }

                position = new WalPosition(next, 0);
                if (samples == 0)
                {
                    cursor.Skip(position);
                }

                continue;
            }

            var offset = position.Offset;
            using (stream)
            {
                stream.Position = offset;
                while (samples < maxSamples
                    && stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
                    && WalRecord.TryReadHeader(header, out var length, out var ts)
                    && offset + WalRecord.HeaderBytes + length <= stream.Length)
                {
                    payload.ReadExactly(stream, length);
                    offset += WalRecord.HeaderBytes + length;
                    samples++;
                    highest = Math.Max(highest, ts);
                }
            }

            position = new WalPosition(position.Seq, offset);
            if (samples >= maxSamples || position.Seq >= current)
            {
                break; // full, or at the end of the segment being written
            }

            // A complete segment (anything after its last whole record was cut short by a crash): on to the next.
            position = new WalPosition(position.Seq + 1, 0);
        }

        return new Batch(samples, highest, position);
    }
}
