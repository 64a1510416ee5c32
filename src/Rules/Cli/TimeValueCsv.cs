using System.Globalization;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>
/// Reads <c>timestamp,value</c> rows: ISO 8601 timestamps (no zone = UTC), invariant numbers, header optional,
/// blank lines and <c>#</c> comments skipped. The cadence must be regular (a fixed step, or calendar months);
/// every problem is reported with file and line.
/// </summary>
public static class TimeValueCsv
{
    public static TimeValueSeries Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: file not found.");
        }

        var times = new List<DateTimeOffset>();
        var values = new List<double>();
        var lines = new List<int>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 2)
            {
                throw new CliException($"{path}:{lineNumber}: expected 2 fields 'timestamp,value', got {fields.Length}.");
            }

            var okTime = DateTimeOffset.TryParse(fields[0].Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts);
            var okValue = double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
            if (times.Count == 0 && !okTime && !okValue)
            {
                continue; // header
            }

            if (!okTime)
            {
                throw new CliException($"{path}:{lineNumber}: '{fields[0].Trim()}' is not an ISO 8601 timestamp (e.g. 2025-01-31T00:00:00Z).");
            }

            if (!okValue || !double.IsFinite(value))
            {
                throw new CliException($"{path}:{lineNumber}: '{fields[1].Trim()}' is not a number.");
            }

            if (times.Count > 0 && ts <= times[^1])
            {
                throw new CliException($"{path}:{lineNumber}: {ts:o} is not after the previous row ({times[^1]:o}); rows must be in time order without duplicates.");
            }

            times.Add(ts);
            values.Add(value);
            lines.Add(lineNumber);
        }

        if (times.Count < 3)
        {
            throw new CliException($"{path}: {times.Count} data rows; at least 3 are needed to forecast.");
        }

        return Regular(path, times, values, lines);
    }

    private static TimeValueSeries Regular(string path, List<DateTimeOffset> times, List<double> values, List<int> lines)
    {
        var monthly = true;
        for (var i = 1; i < times.Count && monthly; i++)
        {
            monthly = times[0].AddMonths(i) == times[i];
        }

        if (monthly)
        {
            return new TimeValueSeries(times, [.. values], TimeSpan.FromDays(30.436875), Monthly: true);
        }

        var cadence = times[1] - times[0];
        for (var i = 2; i < times.Count; i++)
        {
            var step = times[i] - times[i - 1];
            if (step != cadence)
            {
                throw new CliException($"{path}:{lines[i]}: {times[i]:o} is {step} after the previous row; the cadence set by the first rows is {cadence} " +
                    "(the series must be regular: fill or drop missing rows).");
            }
        }

        return new TimeValueSeries(times, [.. values], cadence, Monthly: false);
    }
}
