using AzLocalMonitor.Dashboard.Dashboards;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Dashboard header links and drill-down data links between the generated dashboards.</summary>
public static class Links
{
    private const string Keep = "${datasource:queryparam}&${__url_time_range}";

    /// <summary>Header links to every other generated dashboard, keeping time range and variables.</summary>
    public static IEnumerable<DashboardLink> Navigation(string currentUid) =>
        DashboardCatalog.All
            .Where(d => d.Uid != currentUid)
            .Select(d => new DashboardLink { Title = d.Title, Url = "/d/" + d.Uid, Tooltip = d.Summary });

    /// <summary>Drill-down to the cluster overview; <paramref name="cluster"/> is a Grafana data reference.</summary>
    public static DataLink ToCluster(string cluster = "${__field.labels.cluster}") =>
        new("Cluster overview", $"/d/{ClusterOverviewDashboard.Uid}?{Keep}&var-cluster={cluster}");

    /// <summary>Drill-down to the node dashboard.</summary>
    public static DataLink ToNode(string cluster = "${__field.labels.cluster}", string node = "${__field.labels.node}") =>
        new("Node details", $"/d/{NodeDashboard.Uid}?{Keep}&var-cluster={cluster}&var-node={node}");

    /// <summary>Drill-down to storage and rebuild for a cluster.</summary>
    public static DataLink ToStorage(string cluster = "${__field.labels.cluster}") =>
        new("Storage and rebuild", $"/d/{StorageRebuildDashboard.Uid}?{Keep}&var-cluster={cluster}");

    /// <summary>Rules' HTML capacity report of a cluster (forecast charts with P10–P90 bands and crossing dates).</summary>
    public static DataLink ToCapacityReport(string cluster = "${__field.labels.cluster}") =>
        new("Capacity report (Rules)", "${rules}/api/v1/capacity/" + cluster + "/report");

    /// <summary>Table-cell form of a label reference (<c>${__data.fields.cluster}</c>).</summary>
    public static string Cell(string column) => "${__data.fields." + column + "}";
}
