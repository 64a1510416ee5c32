namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>A forecasting method: fits a regular series and extrapolates it with a standard deviation per step.</summary>
public interface IForecastModel
{
    /// <summary>Name reported as the forecast's <c>method</c>, e.g. <c>linear</c>.</summary>
    string Name { get; }

    /// <summary>Fewest points it can fit.</summary>
    int MinPoints { get; }

    /// <summary>Fits <paramref name="y"/> (regular cadence, oldest first) and forecasts <paramref name="horizon"/> steps ahead.</summary>
    PointForecast Forecast(ReadOnlySpan<double> y, int horizon);
}
