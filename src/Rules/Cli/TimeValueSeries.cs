using AzLocalMonitor.Rules.Capacity.Resampling;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>A series read from CSV and put on a regular grid, ready to forecast.</summary>
/// <param name="Grid">The resampled series (NaN where long gaps were left missing).</param>
/// <param name="Values">The values forecast from: the last stretch without missing steps (or all, interpolated, when that stretch is too short).</param>
/// <param name="Offset">Grid index of <paramref name="Values"/>[0].</param>
/// <param name="Unit">Base unit the values were converted to (bytes, ratio), or null when the header named none.</param>
/// <param name="Notes">What was done to the input (resampling, units, gaps, the stretch forecast from).</param>
public sealed record TimeValueSeries(ResampledSeries Grid, double[] Values, int Offset, string? Unit, IReadOnlyList<string> Notes)
{
    /// <summary>The step (calendar months: the average month).</summary>
    public TimeSpan Cadence => Grid.Cadence.Approximate;

    /// <summary>True when steps are calendar months.</summary>
    public bool Monthly => Grid.Cadence.IsCalendar;

    /// <summary>Time of <see cref="Values"/>[i].</summary>
    public DateTimeOffset TimeAt(int i) => Grid.At(Offset + i);

    /// <summary>The time <paramref name="steps"/> cadences after the last value.</summary>
    public DateTimeOffset After(int steps) => Grid.At(Offset + Values.Length - 1 + steps);
}
