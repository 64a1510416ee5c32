using System.Buffers.Text;
using System.Text;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// Parses /proc/diskstats (Documentation/admin-guide/iostats.rst): <c>major minor name reads merged sectors
/// read_ms writes merged sectors write_ms ...</c>. Lines with fewer than 11 fields are skipped.
/// </summary>
internal static class DiskStatsParser
{
    public static List<DiskStat> Parse(ReadOnlySpan<byte> diskstats)
    {
        var disks = new List<DiskStat>();
        Span<ulong> numbers = stackalloc ulong[8];
        while (!diskstats.IsEmpty)
        {
            var end = diskstats.IndexOf((byte)'\n');
            var line = end < 0 ? diskstats : diskstats[..end];
            diskstats = end < 0 ? default : diskstats[(end + 1)..];

            // major, minor, name
            if (!Skip(ref line) || !Skip(ref line))
            {
                continue;
            }

            line = line.TrimStart((byte)' ');
            var space = line.IndexOf((byte)' ');
            if (space <= 0)
            {
                continue;
            }

            var name = Encoding.ASCII.GetString(line[..space]);
            line = line[space..];
            var ok = true;
            for (var i = 0; i < numbers.Length && ok; i++)
            {
                line = line.TrimStart((byte)' ');
                ok = Utf8Parser.TryParse(line, out numbers[i], out var consumed);
                line = line[consumed..];
            }

            if (ok)
            {
                // reads, reads merged, sectors read, ms reading, writes, writes merged, sectors written, ms writing
                disks.Add(new DiskStat(name, numbers[0], numbers[3], numbers[4], numbers[7]));
            }
        }

        return disks;
    }

    private static bool Skip(ref ReadOnlySpan<byte> line)
    {
        line = line.TrimStart((byte)' ');
        var space = line.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }

        line = line[space..];
        return true;
    }
}
