namespace AzLocalMonitor.Rules.History;

/// <summary>Computes rollup buckets from raw points (pure: the store persists what it returns).</summary>
public static class RollupCalculator
{
    /// <summary>Buckets of one series at one resolution. <paramref name="points"/> must be sorted by time.</summary>
    public static List<Rollup> Compute(string cluster, string series, Resolution resolution, IReadOnlyList<(long TimestampMs, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var result = new List<Rollup>();
        var bucket = new List<double>();
        var start = long.MinValue;
        foreach (var (ts, value) in points)
        {
            var s = resolution.BucketStart(ts);
            if (s != start && bucket.Count > 0)
            {
                result.Add(Summarise(cluster, series, resolution, start, bucket));
                bucket.Clear();
            }

            start = s;
            bucket.Add(value);
        }

        if (bucket.Count > 0)
        {
            result.Add(Summarise(cluster, series, resolution, start, bucket));
        }

        return result;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(List<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static Rollup Summarise(string cluster, string series, Resolution resolution, long start, List<double> values)
    {
        var avg = values.Average();
        values.Sort();
        return new Rollup(cluster, series, resolution, start, values.Count, values[0], avg, values[^1], Percentile(values, 0.95));
    }
}
