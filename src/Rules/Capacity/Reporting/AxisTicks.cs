namespace AzLocalMonitor.Rules.Capacity.Reporting;

/// <summary>Round axis ticks: steps of 1, 2, 2.5 or 5 × 10^k, so a planner reads 0 / 20 / 40 %, not 0 / 26 / 53 %.</summary>
public static class AxisTicks
{
    /// <summary>Ticks from a round value at or below <paramref name="min"/> to one at or above <paramref name="max"/>, about <paramref name="count"/> of them.</summary>
    public static double[] Round(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            max = min + 1;
        }

        // The finest round step that needs at most `count` intervals.
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10((max - min) / count)));
        var step = new[] { 1, 2, 2.5, 5, 10, 20 }.Select(f => f * magnitude).First(s => Math.Ceiling((max / s) - 1e-9) - Math.Floor((min / s) + 1e-9) <= count);
        var first = (long)Math.Floor((min / step) + 1e-9);
        var last = (long)Math.Ceiling((max / step) - 1e-9);
        var ticks = new List<double>();
        for (var k = first; k <= last; k++)
        {
            ticks.Add(Math.Round(k * step, 12));
        }

        return [.. ticks];
    }
}
