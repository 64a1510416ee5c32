namespace AzLocalMonitor.Rules.Capacity;

/// <summary>One forecast step of a resource: time and quantiles.</summary>
public sealed record ForecastPoint(DateTimeOffset Timestamp, double P10, double P50, double P90);
