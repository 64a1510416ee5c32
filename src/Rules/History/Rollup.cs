namespace AzLocalMonitor.Rules.History;

/// <summary>One bucket of a series: peak versus average (min, average, max and 95th percentile of its raw points).</summary>
/// <param name="Cluster">Cluster name.</param>
/// <param name="Series">Series name (<see cref="HistorySeries"/>).</param>
/// <param name="Resolution">Bucket size.</param>
/// <param name="StartMs">Bucket start, Unix ms.</param>
/// <param name="Count">Raw points in the bucket.</param>
/// <param name="Min">Smallest point.</param>
/// <param name="Avg">Mean.</param>
/// <param name="Max">Largest point.</param>
/// <param name="P95">95th percentile (nearest rank).</param>
public sealed record Rollup(string Cluster, string Series, Resolution Resolution, long StartMs, int Count, double Min, double Avg, double Max, double P95)
{
    /// <summary>The statistic named by <paramref name="statistic"/>.</summary>
    public double Get(RollupStatistic statistic) => statistic switch
    {
        RollupStatistic.Min => Min,
        RollupStatistic.Avg => Avg,
        RollupStatistic.Max => Max,
        RollupStatistic.P95 => P95,
        _ => throw new ArgumentOutOfRangeException(nameof(statistic)),
    };
}
