using System.Globalization;
using AzLocalMonitor.Rules.Capacity.Resampling;
using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>
/// Reads a time series as planners have it: <c>timestamp,value</c> rows, or a header naming the columns (the time
/// column <c>timestamp</c>/<c>time</c>/<c>date</c>/<c>month</c>/<c>ds</c>, the value column <c>value…</c>, the only
/// other column, or <c>--column</c>), with a unit in the value header honoured (<see cref="ValueUnit"/>). Rows may
/// be unsorted, repeated, jittered or missing (<c>NA</c> or empty values count as missing): the series is
/// resampled to its cadence (<see cref="Resampler"/>). Unreadable rows fail with file and line.
/// </summary>
public static class TimeValueCsv
{
    /// <summary>Most steps the resampled series may span, first row to last.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Earliest and latest year a row may have.</summary>
    public const int MinYear = 1000, MaxYear = 9000;

    private static readonly string[] TimeNames = ["timestamp", "time", "date", "datetime", "ds", "month", "period", "t"];
    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy/MM", "yyyy-MM-dd", "yyyy/MM/dd"];

    /// <summary>Reads and resamples <paramref name="path"/>; <paramref name="column"/> picks the value column by header name.</summary>
    public static TimeValueSeries Read(string path, string? column = null, int minPoints = 12)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: file not found.");
        }

        var points = new List<TimedValue>();
        var notes = new List<string>();
        int timeIndex = 0, valueIndex = 1, fieldCount = 0, lineNumber = 0, missing = 0;
        string? valueHeader = null;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (fieldCount == 0)
            {
                fieldCount = fields.Length;
                if (fields.All(f => !double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) && ParseTime(fields[0]) is null)
                {
                    (timeIndex, valueIndex) = Columns(path, lineNumber, fields, column);
                    valueHeader = fields[valueIndex];
                    continue;
                }

                if (column is not null)
                {
                    throw new CliException($"{path}:{lineNumber}: --column '{column}' needs a header row naming the columns.");
                }

                if (fields.Length != 2)
                {
                    throw new CliException($"{path}:{lineNumber}: expected 2 fields 'timestamp,value' (or a header naming the columns), got {fields.Length}.");
                }
            }

            if (fields.Length != fieldCount)
            {
                throw new CliException($"{path}:{lineNumber}: expected {fieldCount} fields like the first row, got {fields.Length}.");
            }

            var ts = ParseTime(fields[timeIndex])
                ?? throw new CliException($"{path}:{lineNumber}: '{fields[timeIndex]}' is not an ISO 8601 timestamp (e.g. 2025-01-31T00:00:00Z or 2025-01).");
            if (ts.Year is < MinYear or > MaxYear)
            {
                // Near DateTime's ends, resampling and the forecast's future steps cannot be represented.
                throw new CliException($"{path}:{lineNumber}: '{fields[timeIndex]}' is outside the years {MinYear}..{MaxYear}.");
            }

            var text = fields[valueIndex];
            if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase))
            {
                missing++;
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new CliException($"{path}:{lineNumber}: '{text}' is not a number.");
            }

            points.Add(new TimedValue(ts, value));
        }

        if (points.Select(p => p.Timestamp).Distinct().Count() < 3)
        {
            throw new CliException($"{path}: {points.Count} data rows; at least 3 at distinct times are needed to forecast.");
        }

        if (missing > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{missing} rows had no value (empty or NA): treated as missing."));
        }

        var unit = valueHeader is null ? null : ValueUnit.FromHeader(valueHeader);
        if (unit is not null && unit.Factor != 1)
        {
            points = points.Select(p => p with { Value = p.Value * unit.Factor }).ToList();
            notes.Add($"Values in {unit.Name} (header '{valueHeader}') converted to {unit.Base}.");
        }

        // One stray year (6696-10 among daily 2025 rows) would otherwise make a grid of millions of steps: memory and
        // hours of model fitting for a typo.
        var times = points.Select(p => p.Timestamp).Distinct().Order().ToList();
        var cadence = Cadence.Detect(times);
        var steps = cadence.IndexOf(times[0], times[^1]);
        if (steps > MaxSteps)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: the rows span {steps} steps of {cadence} ({Format(times[0])} to {Format(times[^1])}); at most {MaxSteps} can be forecast. Is a timestamp wrong?"));
        }

        var grid = Resampler.Resample(points);
        notes.AddRange(grid.Notes);
        var values = GapFiller.Usable(grid.Values, Math.Max(minPoints, (2 * grid.Cadence.Season) + 4), out var offset, out var interpolatedAll);
        if (interpolatedAll)
        {
            notes.Add("The stretch after the last long gap is too short to forecast from: long gaps interpolated linearly instead.");
        }
        else if (offset > 0 || values.Length < grid.Values.Length)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Forecast from the last stretch without missing steps: {values.Length} steps from {Format(grid.At(offset))}."));
        }

        return new TimeValueSeries(grid, values, offset, unit?.Base, notes);
    }

    /// <summary>Formats a time as the CLI prints it.</summary>
    public static string Format(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static (int Time, int Value) Columns(string path, int line, string[] header, string? column)
    {
        var time = Array.FindIndex(header, h => TimeNames.Contains(h, StringComparer.OrdinalIgnoreCase));
        time = time < 0 ? 0 : time;
        int value;
        if (column is not null)
        {
            value = Array.FindIndex(header, h => h.Equals(column, StringComparison.OrdinalIgnoreCase));
            if (value < 0)
            {
                throw new CliException($"{path}:{line}: no column '{column}' in the header ({string.Join(", ", header)}).");
            }
        }
        else
        {
            var others = Enumerable.Range(0, header.Length).Where(i => i != time).ToList();
            var named = others.Where(i => header[i].StartsWith("value", StringComparison.OrdinalIgnoreCase)).ToList();
            value = named.Count == 1 ? named[0] : others.Count == 1 ? others[0]
                : throw new CliException($"{path}:{line}: which column is the value? Name it 'value…' or choose one with --column ({string.Join(", ", others.Select(i => header[i]))}).");
        }

        return (time, value);
    }

    private static DateTimeOffset? ParseTime(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, styles, out var month))
        {
            return month;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var ts) && text.Length >= 8)
        {
            return ts;
        }

        return text.All(char.IsAsciiDigit) && text.Length >= 9 && HistoryCsv.ParseTimestamp(text) is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }
}
