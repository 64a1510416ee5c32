using System.Buffers.Text;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>Parses MemTotal and MemAvailable out of /proc/meminfo (ASCII bytes, no allocation).</summary>
internal static class MemInfoParser
{
    /// <summary>Both keys are required (MemAvailable exists since Linux 3.14); values are in kB.</summary>
    public static bool TryParse(ReadOnlySpan<byte> meminfo, out MemInfo info)
    {
        info = default;
        long? total = null, available = null;
        while (!meminfo.IsEmpty && (total is null || available is null))
        {
            var end = meminfo.IndexOf((byte)'\n');
            var line = end < 0 ? meminfo : meminfo[..end];
            meminfo = end < 0 ? default : meminfo[(end + 1)..];

            if (line.StartsWith("MemTotal:"u8))
            {
                total = ParseKilobytes(line["MemTotal:"u8.Length..]);
            }
            else if (line.StartsWith("MemAvailable:"u8))
            {
                available = ParseKilobytes(line["MemAvailable:"u8.Length..]);
            }
        }

        if (total is not { } t || available is not { } a)
        {
            return false;
        }

        info = new MemInfo(t, a);
        return true;
    }

    private static long? ParseKilobytes(ReadOnlySpan<byte> value)
    {
        value = value.TrimStart((byte)' ');
        if (!Utf8Parser.TryParse(value, out long kilobytes, out var consumed) || kilobytes < 0)
        {
            return null;
        }

        var unit = value[consumed..].Trim((byte)' ');
        return unit.IsEmpty || unit.SequenceEqual("kB"u8) ? kilobytes * 1024 : null;
    }
}
