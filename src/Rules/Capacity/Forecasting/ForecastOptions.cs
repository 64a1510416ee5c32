namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>How a series is forecast.</summary>
/// <param name="Horizon">Steps ahead to forecast.</param>
/// <param name="Season">Season length in steps (0: none). See <see cref="Seasonality.For"/>.</param>
/// <param name="BacktestOrigins">Rolling origins of the backtest.</param>
/// <param name="DetectSteps">Look for level shifts and forecast from the latest regime.</param>
/// <param name="Combine">Forecast with the median of ETS, Theta and the classic pick (<see cref="CombinationModel"/>); false: the classic pick alone.</param>
public sealed record ForecastOptions(int Horizon, int Season = 0, int BacktestOrigins = 3, bool DetectSteps = true, bool Combine = true);
