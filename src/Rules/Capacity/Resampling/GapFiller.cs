namespace AzLocalMonitor.Rules.Capacity.Resampling;

/// <summary>
/// Gaps in a regular series (NaN steps): short ones are interpolated linearly between their neighbours (an agent
/// restart, a missed month); long ones stay missing, because inventing weeks of data would teach the models a
/// straight line that never happened, and zero would look like a collapse in usage.
/// </summary>
public static class GapFiller
{
    /// <summary>Default longest gap filled, in steps.</summary>
    public const int DefaultMaxFill = 3;

    /// <summary>Fills gaps of at most <paramref name="maxFill"/> steps in place; returns the gaps found (start index, length, filled).</summary>
    public static IReadOnlyList<Gap> Fill(double[] values, int maxFill = DefaultMaxFill)
    {
        ArgumentNullException.ThrowIfNull(values);
        var gaps = new List<Gap>();
        var i = 0;
        while (i < values.Length)
        {
            if (!double.IsNaN(values[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < values.Length && double.IsNaN(values[i]))
            {
                i++;
            }

            var length = i - start;
            var inside = start > 0 && i < values.Length;
            var filled = inside && length <= maxFill;
            if (filled)
            {
                var before = values[start - 1];
                var after = values[i];
                for (var j = start; j < i; j++)
                {
                    values[j] = before + ((after - before) * (j - start + 1) / (length + 1));
                }
            }

            gaps.Add(new Gap(start, length, filled));
        }

        return gaps;
    }

    /// <summary>The last stretch without missing values, or every value interpolated when that stretch is shorter than <paramref name="minPoints"/>.</summary>
    /// <param name="values">Series with NaN for missing steps.</param>
    /// <param name="minPoints">Fewest points worth forecasting from.</param>
    /// <param name="start">Index of the first value returned.</param>
    /// <param name="interpolatedAll">True when long gaps had to be interpolated because the last stretch was too short.</param>
    public static double[] Usable(double[] values, int minPoints, out int start, out bool interpolatedAll)
    {
        ArgumentNullException.ThrowIfNull(values);
        interpolatedAll = false;
        var end = values.Length;
        while (end > 0 && double.IsNaN(values[end - 1]))
        {
            end--;
        }

        start = end;
        while (start > 0 && !double.IsNaN(values[start - 1]))
        {
            start--;
        }

        if (end - start >= minPoints || end == 0)
        {
            return values[start..end];
        }

        var first = 0;
        while (first < end && double.IsNaN(values[first]))
        {
            first++;
        }

        var all = values[first..end];
        Fill(all, int.MaxValue);
        start = first;
        interpolatedAll = true;
        return all;
    }
}

/// <summary>A run of missing steps.</summary>
/// <param name="Start">Index of the first missing step.</param>
/// <param name="Length">Missing steps.</param>
/// <param name="Filled">True when interpolated, false when left missing.</param>
public readonly record struct Gap(int Start, int Length, bool Filled);
