namespace AzLocalMonitor.Rules.Capacity;

/// <summary>Capacity forecasting (configuration section <c>Capacity</c>).</summary>
public sealed class CapacityOptions
{
    public const string Section = "Capacity";

    /// <summary>Forecast horizon. Default 18 months (548 days).</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(548);

    /// <summary>History the forecasts learn from. Default 548 days.</summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(548);

    /// <summary>How often forecasts are recomputed. Default 1 hour.</summary>
    public TimeSpan ForecastInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Daily points needed before forecasting from daily rollups (otherwise hourly ones are used). Default 28.</summary>
    public int MinDailyPoints { get; set; } = 28;

    /// <summary>Fewest points a forecast needs. Default 12.</summary>
    public int MinPoints { get; set; } = 12;

    /// <summary>Storage policy: used footprint / (raw − reserve). Default 0.8.</summary>
    public double StoragePolicy { get; set; } = 0.8;

    /// <summary>Memory policy: used / installed. Default 0.8.</summary>
    public double MemoryPolicy { get; set; } = 0.8;

    /// <summary>CPU policy: p95 of average busy. Default 0.8.</summary>
    public double CpuPolicy { get; set; } = 0.8;

    /// <summary>
    /// Where forecasts read history from: <c>local</c> (the SQLite file, History:Path; default), <c>remote</c> (a
    /// Prometheus-compatible store, by PromQL at <see cref="HistoryQueryUrl"/>; needs RemoteWrite to a store that
    /// the URL queries) or <c>kusto</c> (Azure Data Explorer, section <c>Kusto</c>).
    /// </summary>
    public string HistorySource { get; set; } = "local";

    /// <summary>Base URL of the store's Prometheus query API for <c>HistorySource=remote</c>, e.g. <c>http://127.0.0.1:8428/</c>.</summary>
    public string HistoryQueryUrl { get; set; } = string.Empty;

    /// <summary>Bearer token for <see cref="HistoryQueryUrl"/>, when the store wants one.</summary>
    public string HistoryQueryBearerToken { get; set; } = string.Empty;
}
