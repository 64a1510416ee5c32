using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>
/// Capacity forecast (issues 7, 14, 16): what Rules publishes — usable and reserve capacity, pool allocation, N+1 and
/// fault tolerance now, the forecast's P10/P50/P90 and the dates each resource (N+1 included) crosses policy, with
/// "beyond 18 months" where no crossing is forecast — and the history behind it, with the policy's own lines.
/// </summary>
public static class CapacityForecastDashboard
{
    public const string Uid = "azlm-capacity-forecast";
    public const string Title = "Azure Local / Capacity forecast";

    private const string Beyond = "beyond 18 months";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "For capacity planners: N+1, fault tolerance, usable and reserve capacity now; when each cluster crosses policy (P10 pessimistic first, with P50 and P90); the history behind it. Each cluster links to Rules' capacity report.",
                "capacity")
            .Variable(Variables.Resource())
            .Variable(Variables.RulesUrl())
            .Time("now-30d", "now")
            .Refresh("5m")
            .Row("Now: N+1 and fault tolerance")
            .Panels(
                Panels.Stat("Clusters not surviving N+1")
                    .Description("Clusters that would not hold their VMs' memory, peak CPU and data (at the resiliency they can still provide) after losing their largest node, as Rules computes it now. 'unknown': Rules publishes no capacity model.")
                    .Size(6, 6)
                    .Query(Instant($$"""count(max by (cluster) ({{R.NPlusOneHolds}}{cluster=~"$cluster"}) == 0) or (0 * count({{R.NPlusOneHolds}}{cluster=~"$cluster"}))"""))
                    .NoValue("unknown")
                    .Thresholds(ThresholdPresets.BadCount()),
                Panels.BarGauge("N+1 ratio (worst 20)")
                    .Description("Demand / what is left after losing the largest node, per resource (memory, storage, cpu), the twenty worst. Above 100% the cluster does not survive N+1.")
                    .Size(9, 6)
                    .Query(Instant($$"""topk(20, max by (cluster, kind) ({{R.NPlusOneRatio}}{cluster=~"$cluster"}))""", "{{cluster}} / {{kind}}"))
                    .Unit("percentunit").Range(0, 1.2)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1)))
                    .DataLink(Links.ToCapacityReport()),
                Panels.BarGauge("Fault tolerance (least 20)")
                    .Description("Simultaneous node failures each cluster survives now: the smaller of storage (its weakest volume's resiliency) and quorum (majority of votes). 0: the next node failure stops something.")
                    .Size(9, 6)
                    .Query(Instant($$"""bottomk(20, min by (cluster) ({{R.FaultTolerance}}{cluster=~"$cluster", kind="cluster"}))""", "{{cluster}}"))
                    .Unit("short").Decimals(0).Range(0, 3)
                    .Thresholds(PanelBuilder.ThresholdsOf("red", ("orange", 1), ("green", 2))))
            .Panel(CapacityTable())
            .Row("Forecast")
            .Panels(
                Panels.Stat("N+1 lost on (P10)")
                    .Description("Pessimistic (P10) date each selected cluster stops surviving N+1, from Rules' forecast; 'beyond 18 months' when no crossing is forecast within the horizon.")
                    .Size(6, 8)
                    .Query(Instant($$"""min by (cluster) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource="n_plus_1", quantile="0.1"}) * 1000""", "{{cluster}}"))
                    .Unit("dateTimeAsIso")
                    .NoValue(Beyond)
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.BarGauge("Time left before policy (P10)")
                    .Description("Pessimistic (P10) forecast of the time until each resource crosses policy. Red within 6 months (AzLocalCapacityForecast warning), orange within 18 months (info). Resources not listed: beyond 18 months.")
                    .Size(9, 8)
                    .Query(Instant($$"""min by (cluster, resource) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource", quantile="0.1"}) - time()""", "{{cluster}} / {{resource}}"))
                    .Unit("dtdurations").Range(0, Budgets.ForecastInfo)
                    .NoValue($"Every resource: {Beyond}")
                    .Thresholds(ThresholdPresets.TimeLeft()),
                Panels.BarGauge("Utilisation at 18 months (P10 / P50 / P90)")
                    .Description("Rules' forecast of each resource's utilisation at the 18-month horizon: P10 (low), P50 (median) and P90 (high). Red from 100% of the policy's limit.")
                    .Size(9, 8)
                    .Query(Instant($$"""max by (cluster, resource, quantile) ({{R.CapacityForecast}}{cluster=~"$cluster", resource=~"$resource"})""", "{{cluster}} / {{resource}} q{{quantile}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", Budgets.UtilizationWarning), ("red", 1))))
            .Panel(CrossingTable())
            .Row("Storage: usable, reserve, allocated")
            .Panels(
                Panels.TimeSeries("Pool: raw, reserve, usable, allocated")
                    .Description("Per cluster: raw pool size, the repair reserve (one capacity drive per node, up to four), usable capacity after reserve and resiliency, and what volumes have allocated. Allocated crossing (raw − reserve) eats the reserve.")
                    .Size(24, 8)
                    .Query(Range($$"""sum by (cluster) ({{M.PoolSize}}{cluster=~"$cluster"})""", "{{cluster}} raw"))
                    .Query(Range($$"""max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"})""", "{{cluster}} reserve"))
                    .Query(Range($$"""max by (cluster) ({{R.CapacityUsable}}{cluster=~"$cluster"})""", "{{cluster}} usable"))
                    .Query(Range($$"""sum by (cluster) ({{M.PoolAllocated}}{cluster=~"$cluster"})""", "{{cluster}} allocated"))
                    .Unit("bytes").Range(0, null))
            .Row("History")
            .Panels(
                Panels.TimeSeries("Volume capacity used per cluster")
                    .Description("Used / size of all volumes of the cluster. Dashed red: the policy's AzLocalVolumeCapacityHigh warning threshold per cluster.")
                    .Query(Range($$"""sum by (cluster) ({{M.VolumeUsed}}{cluster=~"$cluster"}) / sum by (cluster) ({{M.VolumeSize}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Query(PolicyLine("AzLocalVolumeCapacityHigh", extraMatchers: "severity=\"warning\""))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("Memory used per cluster")
                    .Description("Used / installed memory of all nodes of the cluster. Dashed red: the policy's AzLocalMemoryHigh threshold (there is no critical memory alert, so no second line).")
                    .Query(Range($$"""1 - sum by (cluster) ({{M.NodeMemoryAvailable}}{cluster=~"$cluster"}) / sum by (cluster) ({{M.NodeMemorySize}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Query(PolicyLine("AzLocalMemoryHigh"))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeriesWithBudget("N+1 ratio over time")
                    .Description("Rules' N+1 ratio per resource (memory, storage, cpu): demand / what is left after losing the largest node. Above 1 (dashed) the cluster no longer survives N+1.")
                    .Query(Range($$"""max by (cluster, kind) ({{R.NPlusOneRatio}}{cluster=~"$cluster"})""", "{{cluster}} / {{kind}}"))
                    .Unit("percentunit").Range(0, null)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("red", 1))),
                Panels.TimeSeries("CPU per cluster")
                    .Description("Average host CPU busy across the nodes of the cluster. Dashed red: the policy's AzLocalCpuHigh threshold.")
                    .Query(Range($$"""avg by (cluster) ({{M.NodeCpu}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Query(PolicyLine("AzLocalCpuHigh"))
                    .Unit("percentunit").Range(0, 1)
                    .Override(Overrides.PolicyLines()),
                Panels.TimeSeries("VMs per cluster")
                    .Description("Running VMs per cluster: the demand the other resources follow.")
                    .Query(Range($$"""sum by (cluster) ({{M.NodeVmCount}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("short").Range(0, null).Decimals(0));

    /// <summary>One row per cluster: usable, reserve, allocated of what may be allocated, N+1, fault tolerance; worst N+1 first.</summary>
    private static PanelBuilder CapacityTable() =>
        Panels.Table("Capacity now")
            .Description("One row per cluster, worst storage N+1 first. Allocated % is of (raw − reserve): above 100% the repair reserve is being used. Click a cluster for Rules' capacity report.")
            .Size(24, 8)
            .Query(Table($$"""max by (cluster) ({{R.CapacityUsable}}{cluster=~"$cluster"})"""))
            .Query(Table($$"""max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"})"""))
            .Query(Table($$"""sum by (cluster) ({{M.PoolAllocated}}{cluster=~"$cluster"}) / (sum by (cluster) ({{M.PoolSize}}{cluster=~"$cluster"}) - max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"}))"""))
            .Query(Table($$"""max by (cluster) ({{R.NPlusOneRatio}}{cluster=~"$cluster", kind="storage"})"""))
            .Query(Table($$"""max by (cluster) ({{R.NPlusOneRatio}}{cluster=~"$cluster", kind="memory"})"""))
            .Query(Table($$"""min by (cluster) ({{R.FaultTolerance}}{cluster=~"$cluster", kind="cluster"})"""))
            .Transform(Transformations.Merge())
            .Transform(Transformations.Organize(["Time"],
                ("cluster", "Cluster"), ("Value #A", "Usable"), ("Value #B", "Reserve"), ("Value #C", "Allocated of (raw - reserve)"),
                ("Value #D", "Storage N+1"), ("Value #E", "Memory N+1"), ("Value #F", "Node failures survived")))
            .Option("sortBy", new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["displayName"] = "Storage N+1", ["desc"] = true }))
            .Override(Overrides.UnitColumn("Usable", "bytes", ThresholdPresets.Neutral()))
            .Override(Overrides.UnitColumn("Reserve", "bytes", ThresholdPresets.Neutral()))
            .Override(Overrides.UnitColumn("Allocated of (raw - reserve)", "percentunit", PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1))))
            .Override(Overrides.UnitColumn("Storage N+1", "percentunit", PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1))))
            .Override(Overrides.UnitColumn("Memory N+1", "percentunit", PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1))))
            .Override(Overrides.UnitColumn("Node failures survived", "short", PanelBuilder.ThresholdsOf("red", ("orange", 1), ("green", 2))))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCapacityReport(Links.Cell("Cluster"))));

    /// <summary>Every forecast resource of every cluster with its P10/P50/P90 crossing dates; "beyond 18 months" where none.</summary>
    private static PanelBuilder CrossingTable() =>
        Panels.Table("Policy crossing dates")
            .Description("Every forecast resource (storage, memory, cpu, n_plus_1) of every cluster: the 18-month median utilisation and the date it crosses policy — P10 (pessimistic, plan on this), P50, P90. 'beyond 18 months': no crossing within the horizon. Click a cluster for Rules' capacity report.")
            .Size(24, 9)
            .Query(Table($$"""max by (cluster, resource) ({{R.CapacityForecast}}{cluster=~"$cluster", resource=~"$resource", quantile="0.5"})"""))
            .Query(Table($$"""max by (cluster, resource) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource", quantile="0.1"}) * 1000"""))
            .Query(Table($$"""max by (cluster, resource) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource", quantile="0.5"}) * 1000"""))
            .Query(Table($$"""max by (cluster, resource) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource", quantile="0.9"}) * 1000"""))
            .Transform(Transformations.Merge())
            .Transform(Transformations.Organize(["Time"],
                ("cluster", "Cluster"), ("resource", "Resource"), ("Value #A", "At 18 months (P50)"),
                ("Value #B", "Crosses (P10)"), ("Value #C", "Crosses (P50)"), ("Value #D", "Crosses (P90)")))
            .Option("sortBy", new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["displayName"] = "Crosses (P10)", ["desc"] = false }))
            .Override(Overrides.UnitColumn("At 18 months (P50)", "percentunit", PanelBuilder.ThresholdsOf("green", ("orange", Budgets.UtilizationWarning), ("red", 1))))
            .Override(Overrides.DateColumn("Crosses (P10)", Beyond))
            .Override(Overrides.DateColumn("Crosses (P50)", Beyond))
            .Override(Overrides.DateColumn("Crosses (P90)", Beyond))
            .Override(Overrides.LinkColumn("Cluster", Links.ToCapacityReport(Links.Cell("Cluster"))));
}
