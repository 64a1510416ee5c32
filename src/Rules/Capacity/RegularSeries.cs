using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>A rollup series on a regular grid (missing buckets interpolated linearly), ready to forecast.</summary>
/// <param name="StartMs">Time of the first value.</param>
/// <param name="StepMs">Cadence.</param>
/// <param name="Values">Values, oldest first.</param>
public sealed record RegularSeries(long StartMs, long StepMs, double[] Values)
{
    /// <summary>Time of the last value.</summary>
    public long EndMs => StartMs + ((Values.Length - 1) * StepMs);

    /// <summary>Value at a grid time, or NaN outside the grid.</summary>
    public double At(long timestampMs)
    {
        var i = (timestampMs - StartMs) / StepMs;
        return (timestampMs - StartMs) % StepMs == 0 && i >= 0 && i < Values.Length ? Values[i] : double.NaN;
    }

    /// <summary>Puts rollups on their resolution's grid, interpolating gaps.</summary>
    public static RegularSeries? From(IReadOnlyList<Rollup> rollups, RollupStatistic statistic)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        if (rollups.Count == 0)
        {
            return null;
        }

        var step = rollups[0].Resolution.Milliseconds();
        var start = rollups[0].StartMs;
        var values = new double[((rollups[^1].StartMs - start) / step) + 1];
        var previousIndex = 0;
        values[0] = rollups[0].Get(statistic);
        foreach (var rollup in rollups.Skip(1))
        {
            var index = (int)((rollup.StartMs - start) / step);
            var value = rollup.Get(statistic);
            for (var j = previousIndex + 1; j < index; j++)
            {
                var f = (double)(j - previousIndex) / (index - previousIndex);
                values[j] = values[previousIndex] + (f * (value - values[previousIndex]));
            }

            values[index] = value;
            previousIndex = index;
        }

        return new RegularSeries(start, step, values);
    }
}
