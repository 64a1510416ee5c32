namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Every generated dashboard, in drill-down order (fleet → cluster → node → detail views).</summary>
public static class DashboardCatalog
{
    public static IReadOnlyList<DashboardDefinition> All { get; } =
    [
        new(FleetOverviewDashboard.Uid, FleetOverviewDashboard.Title, "Every cluster: health, quorum, nodes, storage, alerts",
            "fleet-overview.json", FleetOverviewDashboard.Create),
        new(ClusterOverviewDashboard.Uid, ClusterOverviewDashboard.Title, "One cluster: quorum, nodes, storage, performance, alerts",
            "cluster-overview.json", ClusterOverviewDashboard.Create),
        new(NodeDashboard.Uid, NodeDashboard.Title, "One node: CPU, memory, VMs, disks, latency",
            "node.json", NodeDashboard.Create),
        new(StorageRebuildDashboard.Uid, StorageRebuildDashboard.Title, "Pool, volumes, repair jobs with progress and ETA",
            "storage-rebuild.json", StorageRebuildDashboard.Create),
        new(CapacityForecastDashboard.Uid, CapacityForecastDashboard.Title, "Capacity history and 18-month forecasts",
            "capacity-forecast.json", CapacityForecastDashboard.Create),
        new(AlertsDashboard.Uid, AlertsDashboard.Title, "Firing and pending alerts, notification pipeline",
            "alerts.json", AlertsDashboard.Create),
    ];
}
