using System.Globalization;

namespace AzLocalMonitor.Rules.Capacity.Resampling;

/// <summary>
/// Puts observations as they come (any order, duplicates, jittered times, gaps) on a regular grid: detects the
/// cadence, snaps each time to its nearest step, averages what lands on the same step, fills short gaps and
/// leaves long ones missing, and says what it did in <see cref="ResampledSeries.Notes"/>.
/// </summary>
public static class Resampler
{
    /// <summary>Resamples <paramref name="points"/>; <paramref name="cadence"/> overrides detection.</summary>
    public static ResampledSeries Resample(IReadOnlyList<TimedValue> points, Cadence? cadence = null, int maxFill = GapFiller.DefaultMaxFill)
    {
        ArgumentNullException.ThrowIfNull(points);
        var notes = new List<string>();
        var outOfOrder = 0;
        for (var i = 1; i < points.Count; i++)
        {
            outOfOrder += points[i].Timestamp < points[i - 1].Timestamp ? 1 : 0;
        }

        if (outOfOrder > 0)
        {
            notes.Add(Text($"{outOfOrder} rows were earlier than the row before them: sorted by time."));
        }

        var sorted = points.OrderBy(p => p.Timestamp).ToList();
        var distinct = sorted.Select(p => p.Timestamp).Distinct().ToList();
        if (distinct.Count < 2)
        {
            throw new ArgumentException("At least two distinct times are needed.", nameof(points));
        }

        var detected = cadence is null;
        cadence ??= Cadence.Detect(distinct);
        var anchor = Anchor(sorted[0].Timestamp, cadence);
        var last = cadence.IndexOf(anchor, sorted[^1].Timestamp);
        var sums = new double[last + 1];
        var counts = new int[last + 1];
        var offGrid = TimeSpan.Zero;
        foreach (var p in sorted)
        {
            var index = cadence.IndexOf(anchor, p.Timestamp);
            sums[index] += p.Value;
            counts[index]++;
            var off = (p.Timestamp - cadence.At(anchor, index)).Duration();
            offGrid = off > offGrid ? off : offGrid;
        }

        notes.Add(Text($"Cadence: {cadence}{(detected ? " (from the median spacing of the rows)" : string.Empty)}."));
        if (offGrid > TimeSpan.Zero && !(cadence.IsCalendar && offGrid < TimeSpan.FromDays(4)))
        {
            notes.Add(Text($"Times were up to {offGrid} off the {cadence} grid: each row was moved to its nearest step."));
        }

        var shared = counts.Sum(c => Math.Max(0, c - 1));
        if (shared > 0)
        {
            notes.Add(Text($"{shared} rows fell on a step that already had a row (duplicates or jitter): values on the same step averaged."));
        }

        var values = new double[sums.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = counts[i] > 0 ? sums[i] / counts[i] : double.NaN;
        }

        var series = new ResampledSeries(anchor, cadence, values, notes);
        DescribeGaps(series, GapFiller.Fill(values, maxFill), maxFill, notes);
        return series;
    }

    /// <summary>Appends notes for the gaps found (filled ones and those left missing).</summary>
    public static void DescribeGaps(ResampledSeries series, IReadOnlyList<Gap> gaps, int maxFill, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(gaps);
        ArgumentNullException.ThrowIfNull(notes);
        var filled = gaps.Where(g => g.Filled).ToList();
        if (filled.Count > 0)
        {
            notes.Add(Text($"{filled.Count} short gaps ({filled.Sum(g => g.Length)} missing steps, at most {maxFill} each) filled by linear interpolation: {Ranges(series, filled)}."));
        }

        var missing = gaps.Where(g => !g.Filled).ToList();
        if (missing.Count > 0)
        {
            notes.Add(Text($"{missing.Count} long gaps ({missing.Sum(g => g.Length)} steps) left missing, not zero: {Ranges(series, missing)}."));
        }
    }

    private static string Ranges(ResampledSeries series, List<Gap> gaps)
    {
        var shown = gaps.Take(5).Select(g => g.Length == 1 ? Date(series, g.Start) : $"{Date(series, g.Start)} to {Date(series, g.Start + g.Length - 1)}");
        return string.Join(", ", shown) + (gaps.Count > 5 ? Text($" and {gaps.Count - 5} more") : string.Empty);
    }

    private static string Date(ResampledSeries series, long index)
    {
        var t = series.At(index).ToUniversalTime();
        var format = series.Cadence.IsCalendar ? "yyyy-MM" : series.Cadence.Fixed >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm'Z'";
        return t.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>First grid time: the first row's (calendar cadences), or the nearest multiple of a fixed step since the Unix epoch (UTC), so hourly rows at 10:00:03 sit at 10:00.</summary>
    private static DateTimeOffset Anchor(DateTimeOffset first, Cadence cadence)
    {
        if (cadence.IsCalendar || TimeSpan.FromDays(1).Ticks % cadence.Fixed.Ticks != 0)
        {
            return first;
        }

        var ticks = (first.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)cadence.Fixed.Ticks;
        return DateTimeOffset.UnixEpoch + (cadence.Fixed * Math.Floor(ticks + 0.5));
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
