using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>A running repair job: its size, processed bytes, rate from the recent history, and ETA.</summary>
internal readonly record struct RepairProgress(string Job, double Size, double Processed, double? BytesPerSecond)
{
    public double Fraction => Size > 0 ? Math.Clamp(Processed / Size, 0, 1) : 0;

    public TimeSpan? Eta => BytesPerSecond is > 0 ? TimeSpan.FromSeconds((Size - Processed) / BytesPerSecond.Value) : null;

    /// <summary>"62% done, ETA 7 min" (or "rate not known yet").</summary>
    public string Describe() =>
        $"{Fraction * 100:0}% done, " + (Eta is { } eta ? $"ETA {ConditionHelpers.Human(eta)}" : "ETA unknown (no progress measured yet)");

    /// <summary>Every running job of the cluster (size reported and not yet fully processed).</summary>
    public static List<RepairProgress> Of(EvaluationContext context)
    {
        var processed = new Dictionary<string, TimeSeries>(StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.RepairProcessed))
        {
            if (series.Labels.Get(PrometheusNaming.RepairJobLabel) is { } job)
            {
                processed[job] = series;
            }
        }

        var jobs = new List<RepairProgress>();
        foreach (var size in context.Fresh(CatalogNames.RepairSize))
        {
            if (size.Labels.Get(PrometheusNaming.RepairJobLabel) is not { } job || size.Value <= 0)
            {
                continue;
            }

            var done = processed.TryGetValue(job, out var p) ? p : null;
            var bytes = done?.Value ?? 0;
            if (bytes >= size.Value)
            {
                continue;
            }

            jobs.Add(new RepairProgress(job, size.Value, bytes, done is null ? null : Rate(done)));
        }

        return jobs;
    }

    /// <summary>Bytes per second over the recent history, from the oldest point since the counter last went down.</summary>
    private static double? Rate(TimeSeries series)
    {
        if (series.HistoryCount < 2)
        {
            return null;
        }

        var history = new (long TimestampMs, double Value)[series.HistoryCount];
        series.CopyHistory(history); // oldest first
        var (latestTime, latestValue) = history[^1];
        var (oldestTime, oldestValue) = (latestTime, latestValue);
        for (var i = history.Length - 2; i >= 0; i--)
        {
            var point = history[i];
            if (point.Value > oldestValue)
            {
                break; // a new job reused the name: measure only the current one
            }

            (oldestTime, oldestValue) = point;
        }

        var seconds = (latestTime - oldestTime) / 1000.0;
        return seconds > 0 ? (latestValue - oldestValue) / seconds : null;
    }
}
