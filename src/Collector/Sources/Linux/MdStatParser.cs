using System.Globalization;
using System.Text.RegularExpressions;

namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// Finds running rebuilds in /proc/mdstat, e.g.
/// <c>[===&gt;.........]  recovery = 17.3% (50843392/293032960) finish=24.7min speed=163260K/sec</c> under
/// <c>md0 : active raid1 sdb1[2] sda1[0]</c>. Checks (<c>check =</c>) are scrubs, not rebuilds, and are left out;
/// <c>resync=DELAYED</c> and <c>resync=PENDING</c> are waiting, not running.
/// </summary>
internal static partial class MdStatParser
{
    private static readonly string[] Rebuilds = ["recovery", "resync", "reshape"];

    public static List<MdResync> Parse(string mdstat)
    {
        ArgumentNullException.ThrowIfNull(mdstat);
        var result = new List<MdResync>();
        string? device = null;
        foreach (var line in mdstat.Split('\n'))
        {
            var header = DeviceLine().Match(line);
            if (header.Success)
            {
                device = header.Groups[1].Value;
                continue;
            }

            var progress = ProgressLine().Match(line);
            if (device is not null && progress.Success && Rebuilds.Contains(progress.Groups[1].Value))
            {
                var done = long.Parse(progress.Groups[2].Value, CultureInfo.InvariantCulture);
                var total = long.Parse(progress.Groups[3].Value, CultureInfo.InvariantCulture);
                result.Add(new MdResync(device, progress.Groups[1].Value, done * 1024, total * 1024));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(md\w+)\s*:")]
    private static partial Regex DeviceLine();

    [GeneratedRegex(@"\b(recovery|resync|reshape|check|repair)\s*=\s*[\d.]+%\s*\((\d+)/(\d+)\)")]
    private static partial Regex ProgressLine();
}
