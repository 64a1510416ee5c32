namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>A model's forecast: mean and standard deviation at each step 1..h ahead.</summary>
public sealed record PointForecast(double[] Mean, double[] StdDev);
