using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Alerts (issue 7): firing and pending ALERTS, their timeline, and the health of the alerting pipeline.</summary>
public static class AlertsDashboard
{
    public const string Uid = "azlm-alerts";
    public const string Title = "Azure Local / Alerts";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "Alerts Rules evaluates (Prometheus-style ALERTS series): what fires now, what is pending, history, and whether notifications get out.",
                "alerts")
            .Refresh("10s")
            .Row("Now")
            .Panels(
                CommonPanels.FiringCount("critical", "Critical firing"),
                CommonPanels.FiringCount("warning", "Warning firing"),
                CommonPanels.FiringCount("info", "Info firing"),
                Panels.Stat("Pending")
                    .Description("Alerts whose condition holds but whose 'for' duration has not elapsed yet: they fire if the condition persists.")
                    .Query(Instant(CommonPanels.WhileRulesUp($$"""count({{R.Alerts}}{alertstate="pending", muted_by="", cluster=~"$cluster"}) or vector(0)""")))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.WarningCount()),
                Panels.Stat("Notifications failed (1h)")
                    .Description("Notifications to Alertmanager that failed in the last hour. Above 0: pages may not reach on-call; check Alertmanager.")
                    .Query(Instant(CommonPanels.WhileRulesUp($$"""sum(increase({{R.NotificationsFailed}}[1h])) or vector(0)""")))
                    .NoValue("unknown")
                    .Decimals(0)
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.Stat("Notifications dropped (1h)")
                    .Description("Notifications dropped from a full queue in the last hour. Above 0: alerts were lost.")
                    .Query(Instant(CommonPanels.WhileRulesUp($$"""sum(increase({{R.NotificationsDropped}}[1h])) or vector(0)""")))
                    .NoValue("unknown")
                    .Decimals(0)
                    .Thresholds(ThresholdPresets.BadCount()))
            .Panel(CommonPanels.AlertTable("Firing alerts", $$"""{{R.Alerts}}{alertstate="firing", cluster=~"$cluster"}""").Size(24, 8))
            .Panel(Panels.BarGauge("Active the longest (top 10)")
                .Description("How long each alert has been active (pending or firing, muted or not), the ten oldest: an old alert nobody acts on is either noise to tune or a problem left behind.")
                .Size(24, 6)
                .Query(Instant($$"""topk(10, time() - max by (alertname, cluster, node) ({{R.AlertsForState}}{cluster=~"$cluster"}))""", "{{alertname}} {{cluster}} {{node}}"))
                .Unit("s")
                .Thresholds(ThresholdPresets.Neutral()))
            .Panel(CommonPanels.AlertTable("Pending alerts", $$"""{{R.Alerts}}{alertstate="pending", cluster=~"$cluster"}""").Size(24, 6))
            .Row("History")
            .Panels(
                Panels.StateTimeline("Alert timeline")
                    .Description("When each alert instance paged, coloured by severity (red critical, orange warning, blue info); muted alerts are left out. Alerts starting together usually share one cause: start with the earliest or the most severe.")
                    .Size(24, 10)
                    .Query(Range($$"""3 * max by (alertname, severity, cluster, node) ({{R.Alerts}}{{{R.Paging}}, severity="critical", cluster=~"$cluster"}) or 2 * max by (alertname, severity, cluster, node) ({{R.Alerts}}{{{R.Paging}}, severity="warning", cluster=~"$cluster"}) or max by (alertname, severity, cluster, node) ({{R.Alerts}}{{{R.Paging}}, severity="info", cluster=~"$cluster"})""", "{{alertname}} {{cluster}} {{node}}"))
                    .Mapping(Mappings.Of(("3", "critical", "red"), ("2", "warning", "orange"), ("1", "info", "blue"))),
                CommonPanels.FiringBySeverity().Size(12, 8),
                Panels.TimeSeries("Firing alerts by name")
                    .Description("Instances firing per alert name over time.")
                    .Size(12, 8)
                    .Query(Range($$"""count by (alertname) ({{R.Alerts}}{{{R.Paging}}, cluster=~"$cluster"})""", "{{alertname}}"))
                    .Unit("short").Range(0, null))
            .Row("Monitoring pipeline")
            .Panels(
                Panels.TimeSeries("Ingest")
                    .Description("OTLP samples per second Rules ingests from the collectors. A drop to 0: collectors cannot reach Rules.")
                    .Query(Range($$"""sum(rate({{R.IngestSamples}}[$__rate_interval]))""", "samples/s"))
                    .Unit("short").Range(0, null),
                Panels.TimeSeries("Ingest requests")
                    .Description("OTLP requests per second by encoding (protobuf, JSON) and outcome. Rejected requests point at a misconfigured collector.")
                    .Query(Range($$"""sum by (encoding, outcome) (rate({{R.IngestRequests}}[$__rate_interval]))""", "{{encoding}} {{outcome}}"))
                    .Unit("reqps").Range(0, null),
                Panels.TimeSeries("Active series")
                    .Description("Series Rules holds in memory. Unbounded growth means a label with too many values.")
                    .Query(Range($$"""sum({{R.SeriesActive}})""", "series"))
                    .Unit("short").Range(0, null),
                Panels.TimeSeries("Notifications")
                    .Description("Notifications per second sent to Alertmanager, failed, and dropped from a full queue.")
                    .Size(24, 8)
                    .Query(Range($$"""sum(rate({{R.NotificationsSent}}[$__rate_interval]))""", "sent"))
                    .Query(Range($$"""sum(rate({{R.NotificationsFailed}}[$__rate_interval]))""", "failed"))
                    .Query(Range($$"""sum(rate({{R.NotificationsDropped}}[$__rate_interval]))""", "dropped"))
                    .Unit("ops").Range(0, null)
                    .Override(Overrides.SeriesColor("failed", "red"))
                    .Override(Overrides.SeriesColor("dropped", "orange")));
}
