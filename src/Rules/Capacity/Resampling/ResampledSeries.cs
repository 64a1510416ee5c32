namespace AzLocalMonitor.Rules.Capacity.Resampling;

/// <summary>A series on a regular grid: <see cref="Values"/>[i] is the value at <see cref="Cadence"/> step i from <see cref="Anchor"/>; NaN = missing.</summary>
/// <param name="Anchor">Time of the first step.</param>
/// <param name="Cadence">The grid's step.</param>
/// <param name="Values">One value per step, oldest first; NaN where a long gap was left missing.</param>
/// <param name="Notes">What was done to the input to get here (sorted, averaged duplicates, snapped, filled, left missing).</param>
public sealed record ResampledSeries(DateTimeOffset Anchor, Cadence Cadence, double[] Values, IReadOnlyList<string> Notes)
{
    /// <summary>Time of step <paramref name="index"/> (may be past the end, for forecasts).</summary>
    public DateTimeOffset At(long index) => Cadence.At(Anchor, index);
}
