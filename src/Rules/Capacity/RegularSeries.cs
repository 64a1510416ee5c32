using AzLocalMonitor.Rules.Capacity.Resampling;
using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// A rollup series on a regular grid: missing buckets of up to <see cref="GapFiller.DefaultMaxFill"/> steps
/// interpolated linearly, longer runs (the agent or Rules down for days) left NaN (see <see cref="GapFiller"/>).
/// </summary>
/// <param name="StartMs">Time of the first value.</param>
/// <param name="StepMs">Cadence.</param>
/// <param name="Values">Values, oldest first; NaN in long gaps.</param>
public sealed record RegularSeries(long StartMs, long StepMs, double[] Values)
{
    /// <summary>Gaps found when the rollups were put on the grid.</summary>
    public IReadOnlyList<Gap> Gaps { get; init; } = [];

    /// <summary>Values to forecast from: the stretch after the last long gap (or all, interpolated, when it is shorter than <paramref name="minPoints"/>), and what was done.</summary>
    public double[] Usable(int minPoints, out int start, out string? note)
    {
        var values = GapFiller.Usable(Values, minPoints, out start, out var all);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(StartMs + (start * StepMs)).ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        note = all ? $"long gaps interpolated: the stretch after the last one is shorter than {minPoints} points"
            : start > 0 ? $"learns from {values.Length} points since {at}, after a long gap in the history" : null;
        return values;
    }

    /// <summary>Time of the last value.</summary>
    public long EndMs => StartMs + ((Values.Length - 1) * StepMs);

    /// <summary>Value at a grid time, or NaN outside the grid.</summary>
    public double At(long timestampMs)
    {
        var i = (timestampMs - StartMs) / StepMs;
        return (timestampMs - StartMs) % StepMs == 0 && i >= 0 && i < Values.Length ? Values[i] : double.NaN;
    }

    /// <summary>Puts rollups (oldest first) on their resolution's grid, filling short gaps.</summary>
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
        Array.Fill(values, double.NaN);
        foreach (var rollup in rollups)
        {
            values[(int)((rollup.StartMs - start) / step)] = rollup.Get(statistic);
        }

        return new RegularSeries(start, step, values) { Gaps = GapFiller.Fill(values) };
    }
}
