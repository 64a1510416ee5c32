namespace AzLocalMonitor.Rules.Capacity;

/// <summary>A resource's forecast for one cluster: method and scores, history, quantiles, and when it crosses policy.</summary>
/// <param name="Resource">storage, memory, cpu, n_plus_1, vms.</param>
/// <param name="IsRatio">True for utilisation ratios (0..1), false for counts.</param>
/// <param name="Policy">Policy ratio (+∞ for counts).</param>
/// <param name="Method">Forecast method of the demand series (the first one for N+1: memory).</param>
/// <param name="Score">Backtest mean absolute error of the chosen method, in the demand's units.</param>
/// <param name="BaselineScore">Backtest mean absolute error of the least-squares line.</param>
/// <param name="StepAt">Where a step (new workload) was detected, if any.</param>
/// <param name="Current">Latest observed ratio (or count).</param>
/// <param name="History">Observed ratio per rollup bucket.</param>
/// <param name="Points">Forecast quantiles at the history's cadence over the horizon.</param>
/// <param name="Crossing">When the ratio crosses policy per quantile ("0.1" earliest: P90 path; "0.5"; "0.9" latest: P10 path); absent = not within the horizon.</param>
public sealed record ResourceForecast(
    string Resource,
    bool IsRatio,
    double Policy,
    string Method,
    double Score,
    double BaselineScore,
    DateTimeOffset? StepAt,
    double Current,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyList<ForecastPoint> Points,
    IReadOnlyDictionary<string, DateTimeOffset> Crossing)
{
    /// <summary>Quantile label values, a contract of the Grafana dashboards.</summary>
    public static IReadOnlyList<string> Quantiles { get; } = ["0.1", "0.5", "0.9"];

    /// <summary>The forecast at the horizon (last point), per quantile label.</summary>
    public IReadOnlyDictionary<string, double> AtHorizon => Points.Count == 0
        ? new Dictionary<string, double>()
        : new Dictionary<string, double>(StringComparer.Ordinal) { ["0.1"] = Points[^1].P10, ["0.5"] = Points[^1].P50, ["0.9"] = Points[^1].P90 };
}
