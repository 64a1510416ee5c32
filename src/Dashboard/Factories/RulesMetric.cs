namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Series Rules exposes besides the catalog: Prometheus-style <c>ALERTS</c>, self-metrics and capacity forecasts.</summary>
public static class RulesMetric
{
    /// <summary><c>ALERTS{alertname, alertstate="pending"|"firing", severity, cluster, node?}</c> = 1.</summary>
    public const string Alerts = "ALERTS";
    public const string IngestSamples = "azlm_ingest_samples_total";

    /// <summary>Labels <c>encoding</c>, <c>outcome</c>.</summary>
    public const string IngestRequests = "azlm_ingest_requests_total";
    public const string SeriesActive = "azlm_series_active";
    public const string NotificationsSent = "azlm_notifications_sent_total";
    public const string NotificationsFailed = "azlm_notifications_failed_total";
    public const string NotificationsDropped = "azlm_notifications_dropped_total";

    /// <summary>Unix time of a node's last OTLP report; labels <c>cluster</c>, <c>node</c>.</summary>
    public const string NodeLastReport = "azlm_node_last_report_timestamp_seconds";

    /// <summary>When a resource crosses policy (Unix seconds); labels <c>cluster</c>, <c>resource</c>, <c>quantile</c>.</summary>
    public const string CapacityExhaustion = "azlocal_capacity_exhaustion_timestamp_seconds";

    /// <summary>Forecast utilisation of a resource; labels <c>cluster</c>, <c>resource</c>, <c>quantile</c>.</summary>
    public const string CapacityForecast = "azlocal_capacity_forecast";

    /// <summary>Every name above, for the tests that check each expression only uses known series.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Alerts, IngestSamples, IngestRequests, SeriesActive, NotificationsSent, NotificationsFailed,
        NotificationsDropped, NodeLastReport, CapacityExhaustion, CapacityForecast,
    ];
}
