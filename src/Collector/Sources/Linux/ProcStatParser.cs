using System.Buffers.Text;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>Parses the aggregate <c>cpu</c> line of /proc/stat (ASCII bytes, no allocation).</summary>
internal static class ProcStatParser
{
    // Field order of proc(5): user nice system idle iowait irq softirq steal guest guest_nice.
    private const int Idle = 3;
    private const int IoWait = 4;
    private const int CountedFields = 8;

    /// <summary>Reads the first line, which must start with <c>"cpu "</c> and carry at least four numbers.</summary>
    public static bool TryParse(ReadOnlySpan<byte> stat, out CpuTimes times)
    {
        times = default;
        var end = stat.IndexOf((byte)'\n');
        var line = end < 0 ? stat : stat[..end];
        if (!line.StartsWith("cpu "u8))
        {
            return false;
        }

        line = line[4..];
        ulong busy = 0, idle = 0;
        var fields = 0;
        while (fields < CountedFields)
        {
            line = line.TrimStart((byte)' ');
            if (line.IsEmpty)
            {
                break;
            }

            if (!Utf8Parser.TryParse(line, out ulong value, out var consumed))
            {
                return false;
            }

            if (fields is Idle or IoWait)
            {
                idle += value;
            }
            else
            {
                busy += value;
            }

            line = line[consumed..];
            fields++;
        }

        if (fields <= Idle)
        {
            return false;
        }

        times = new CpuTimes(busy, busy + idle);
        return true;
    }
}
