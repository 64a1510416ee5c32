namespace AzLocalMonitor.Rules.Cli;

/// <summary>A regular series read from <c>timestamp,value</c> rows: its times, values and cadence (fixed, or calendar months).</summary>
/// <param name="Timestamps">Row times, oldest first.</param>
/// <param name="Values">Row values.</param>
/// <param name="Cadence">Fixed step (for monthly data the average month, used to pick the season).</param>
/// <param name="Monthly">True when rows are one calendar month apart.</param>
public sealed record TimeValueSeries(IReadOnlyList<DateTimeOffset> Timestamps, double[] Values, TimeSpan Cadence, bool Monthly)
{
    /// <summary>The time <paramref name="steps"/> cadences after the last row.</summary>
    public DateTimeOffset After(int steps) => Monthly ? Timestamps[0].AddMonths(Timestamps.Count - 1 + steps) : Timestamps[^1] + (Cadence * steps);
}
