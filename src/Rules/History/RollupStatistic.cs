namespace AzLocalMonitor.Rules.History;

/// <summary>Which statistic of a bucket a consumer reads (forecasts of capacity read peaks: max or p95).</summary>
public enum RollupStatistic
{
    Min,
    Avg,
    Max,
    P95,
}
