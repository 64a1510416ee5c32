namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Series Rules exposes besides the catalog: Prometheus-style <c>ALERTS</c>, self-metrics and capacity forecasts.</summary>
public static class RulesMetric
{
    /// <summary>
    /// <c>ALERTS{alertname, alertstate="pending"|"firing", severity, cluster, node?, muted_by?}</c> = 1; <c>muted_by</c>
    /// (inhibition, maintenance, silence) is set on alerts held back, so <see cref="Paging"/> counts what pages.
    /// </summary>
    public const string Alerts = "ALERTS";

    /// <summary>Matchers of the alerts that page now: firing and not muted.</summary>
    public const string Paging = "alertstate=\"firing\", muted_by=\"\"";

    /// <summary><c>ALERTS_FOR_STATE{alertname, severity, cluster, ...}</c> = when the alert became active (Unix seconds).</summary>
    public const string AlertsForState = "ALERTS_FOR_STATE";

    /// <summary>
    /// Prometheus' scrape job of Rules, as deploy/prometheus/prometheus.yml names it: <c>up{job=…}</c> tells "Rules is
    /// down" (everything unknown) apart from "all is well". Change both together.
    /// </summary>
    public const string RulesJob = "azlocalmonitor-rules";

    /// <summary>1 while Prometheus scrapes Rules; an empty result (no scrape at all) is as bad as 0.</summary>
    public const string RulesUp = "max(up{job=\"" + RulesJob + "\"}) == 1";

    /// <summary>Unix time of any node's last report per cluster, kept for every cluster Rules knows: the durable cluster list.</summary>
    public const string ClusterLastReport = "azlm_cluster_last_report_timestamp_seconds";

    /// <summary>The policy's thresholds: labels <c>cluster</c>, <c>alert</c>, <c>severity</c>, <c>param</c> (threshold or a parameter).</summary>
    public const string PolicyThreshold = "azlocal_policy_threshold";

    /// <summary>Usable capacity now (bytes): (pool raw − reserve) × resiliency efficiency; label <c>cluster</c>.</summary>
    public const string CapacityUsable = "azlocal_capacity_usable_bytes";

    /// <summary>Repair reserve (bytes): one capacity drive per node, up to four; label <c>cluster</c>.</summary>
    public const string CapacityReserve = "azlocal_capacity_reserve_bytes";

    /// <summary>Demand / capacity left after losing the largest node; labels <c>cluster</c>, <c>kind</c> (memory, storage, cpu).</summary>
    public const string NPlusOneRatio = "azlocal_capacity_n_plus_one_ratio";

    /// <summary>1 when the cluster survives losing its largest node now; labels <c>cluster</c>, <c>redundancy</c>.</summary>
    public const string NPlusOneHolds = "azlocal_capacity_n_plus_one_holds";

    /// <summary>Simultaneous node failures survived; labels <c>cluster</c>, <c>kind</c> (cluster, quorum, storage).</summary>
    public const string FaultTolerance = "azlocal_capacity_fault_tolerance";

    /// <summary>(Annotations only.) 1 while a maintenance window is in progress; labels <c>cluster</c>, <c>window</c>, <c>node</c>?.</summary>
    public const string MaintenanceActive = "azlm_maintenance_window_active";
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
        NotificationsDropped, NodeLastReport, CapacityExhaustion, CapacityForecast, AlertsForState, ClusterLastReport,
        PolicyThreshold, CapacityUsable, CapacityReserve, NPlusOneRatio, NPlusOneHolds, FaultTolerance, "up",
    ];
}
