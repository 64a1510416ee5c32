namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>A forecast with its provenance: the method chosen by backtest, scores, the step it started from, and quantiles.</summary>
/// <param name="Method"><c>combination</c>, or the classic model chosen by backtest (e.g. <c>holt_winters</c>) when the series is too short to combine.</param>
/// <param name="Score">Backtest mean absolute error of the chosen model (NaN when the series was too short to backtest).</param>
/// <param name="BaselineScore">Backtest mean absolute error of the least-squares line on the same origins.</param>
/// <param name="Scores">Backtest mean absolute error of every model that could be scored.</param>
/// <param name="Step">The latest level shift, when one was detected.</param>
/// <param name="FitStart">Index of the first point the models were fitted on (after the step, or 0).</param>
/// <param name="IntervalScale">Factor applied to the model's standard deviations so the backtest's P10–P90 holds 80% of outcomes.</param>
/// <param name="P10">10th percentile at steps 1..h.</param>
/// <param name="P50">Median at steps 1..h.</param>
/// <param name="P90">90th percentile at steps 1..h.</param>
public sealed record ForecastResult(
    string Method,
    double Score,
    double BaselineScore,
    IReadOnlyDictionary<string, double> Scores,
    StepChange? Step,
    int FitStart,
    double IntervalScale,
    double[] P10,
    double[] P50,
    double[] P90)
{
    /// <summary>For a combination, its members (e.g. "ETS(M,A,M), ETS(M,Ad,M), theta, holt_winters"); empty otherwise.</summary>
    public string Members { get; init; } = string.Empty;
}
