using System.Globalization;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>CPU (utime + stime) and RSS of a process from /proc, as `top` would read them.</summary>
public sealed class ProcessMeter(int pid)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; 100 on every Linux this runs on

    public int Pid { get; } = pid;

    /// <summary>utime + stime in seconds, including reaped threads.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmRSS in bytes.</summary>
    public long RssBytes() => StatusKb("VmRSS:") * 1024;

    /// <summary>VmHWM (peak RSS) in bytes.</summary>
    public long PeakRssBytes() => StatusKb("VmHWM:") * 1024;

    private long StatusKb(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
