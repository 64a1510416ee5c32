using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>Parses counter paths as Get-Counter prints them: <c>\\node1\cluster csvfs(_total)\avg. sec/read</c>.</summary>
internal static class PerfCounterPath
{
    public static PerfSample? Parse(string path, double value, long raw)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = path.StartsWith(@"\\", StringComparison.Ordinal) ? path[(path.IndexOf('\\', 2) is > 0 and var slash ? slash : path.Length)..] : path;
        if (!text.StartsWith('\\'))
        {
            return null;
        }

        var counterAt = text.LastIndexOf('\\');
        if (counterAt <= 0)
        {
            return null;
        }

        var setPart = text[1..counterAt];
        var counter = text[(counterAt + 1)..];
        var open = setPart.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && setPart.EndsWith(')')
            ? new PerfSample(setPart[..open], setPart[(open + 1)..^1], counter, value, raw)
            : new PerfSample(setPart, string.Empty, counter, value, raw);
    }
}
