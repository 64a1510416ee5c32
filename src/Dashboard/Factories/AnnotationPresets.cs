using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>The on-call annotations: when a critical alert paged, a node left Up, a maintenance window ran, a repair ran.</summary>
public static class AnnotationPresets
{
    public static Annotation CriticalAlerts() =>
        new("Critical alerts", $$"""{{RulesMetric.Alerts}}{{{RulesMetric.Paging}}, severity="critical", cluster=~"$cluster"}""", "red", "{{alertname}} {{cluster}} {{node}}", "cluster,node,alertname");

    public static Annotation NodeStateChanges() =>
        new("Node not up", $$"""{{Metric.NodeState}}{cluster=~"$cluster", state!="up"} == 1""", "orange", "{{node}} {{state}}", "cluster,node,state");

    public static Annotation MaintenanceWindows() =>
        new("Maintenance windows", $$"""{{RulesMetric.MaintenanceActive}}{cluster=~"$cluster"}""", "blue", "maintenance {{window}} {{node}}", "cluster,node,window");

    public static Annotation Repairs() =>
        new("Repairs", $$"""max by (cluster, repair_job) ({{Metric.RepairSize}}{cluster=~"$cluster"}) > 0""", "purple", "repair {{repair_job}}", "cluster,repair_job");

    /// <summary>All four, for the fleet, cluster, node and storage dashboards.</summary>
    public static Annotation[] OnCall() => [CriticalAlerts(), NodeStateChanges(), MaintenanceWindows(), Repairs()];
}
