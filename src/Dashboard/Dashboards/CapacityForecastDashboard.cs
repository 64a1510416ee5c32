using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>
/// Capacity forecast (issue 7): history of storage, memory, CPU and VMs, and Rules' forecasts
/// (<c>azlocal_capacity_forecast</c>, <c>azlocal_capacity_exhaustion_timestamp_seconds</c>, quantiles 0.1/0.5/0.9).
/// </summary>
public static class CapacityForecastDashboard
{
    public const string Uid = "azlm-capacity-forecast";
    public const string Title = "Azure Local / Capacity forecast";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "For capacity planners: when each cluster crosses policy (storage 80%, memory 80%, N+1), with P10/P50/P90 uncertainty, and the history behind it.",
                "capacity")
            .Variable(Variables.Resource())
            .Time("now-30d", "now")
            .Refresh("5m")
            .Row("Forecast")
            .Panels(
                Panels.BarGauge("Time left before policy (P50)")
                    .Description("Median forecast of the time until each resource crosses policy. Red within 6 months (AzLocalCapacityForecast warning), orange within 18 months (info).")
                    .Size(12, 8)
                    .Query(Instant($$"""min by (cluster, resource) ({{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource", quantile="0.5"}) - time()""", "{{cluster}} / {{resource}}"))
                    .Unit("dtdurations").Range(0, Budgets.ForecastInfo)
                    .Thresholds(ThresholdPresets.TimeLeft()),
                Panels.Table("Policy crossing dates")
                    .Description("Forecast date each resource crosses policy, per quantile: 0.1 = pessimistic (earliest), 0.5 = median, 0.9 = optimistic.")
                    .Size(12, 8)
                    .Query(Table($$"""{{R.CapacityExhaustion}}{cluster=~"$cluster", resource=~"$resource"} * 1000"""))
                    .Transform(Transformations.Organize([.. Transformations.NoiseColumns],
                        ("cluster", "Cluster"), ("resource", "Resource"), ("quantile", "Quantile"), ("Value", "Crosses policy on")))
                    .Override(Overrides.UnitColumn("Crosses policy on", "dateTimeAsIso", ThresholdPresets.Neutral())),
                Panels.TimeSeriesWithBudget("Forecast utilisation")
                    .Description("Rules' forecast of each resource's utilisation with its uncertainty band (quantiles 0.1, 0.5, 0.9). The dashed line is the 80% policy.")
                    .Size(24, 9)
                    .Query(Range($$"""{{R.CapacityForecast}}{cluster=~"$cluster", resource=~"$resource"}""", "{{cluster}} / {{resource}} q{{quantile}}"))
                    .Unit("percentunit").Range(0, null)
                    .Thresholds(ThresholdPresets.Utilization()))
            .Row("History")
            .Panels(
                Panels.TimeSeriesWithBudget("Volume capacity used per cluster")
                    .Description("Used / size of all volumes of the cluster. Dashed lines: 80% warning, 90% critical.")
                    .Query(Range($$"""sum by (cluster) ({{M.VolumeUsed}}{cluster=~"$cluster"}) / sum by (cluster) ({{M.VolumeSize}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.TimeSeriesWithBudget("Pool allocated per cluster")
                    .Description("Allocated / raw pool size. Growth here (new or grown volumes) eats into the rebuild reserve.")
                    .Query(Range($$"""sum by (cluster) ({{M.PoolAllocated}}{cluster=~"$cluster"}) / sum by (cluster) ({{M.PoolSize}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.TimeSeriesWithBudget("Memory used per cluster")
                    .Description("Used / installed memory of all nodes of the cluster. Dashed line: the 80% policy (AzLocalMemoryHigh and the memory forecast); memory has no 90% alert.")
                    .Query(Range($$"""1 - sum by (cluster) ({{M.NodeMemoryAvailable}}{cluster=~"$cluster"}) / sum by (cluster) ({{M.NodeMemorySize}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", Budgets.UtilizationWarning))),
                Panels.TimeSeriesWithBudget("Memory N+1 ratio")
                    .Description("Memory in use / memory left after losing the largest node. Above 1 (red) the cluster cannot restart every VM when a node fails: it no longer survives N+1.")
                    .Query(Range($$"""(sum by (cluster) ({{M.NodeMemorySize}}{cluster=~"$cluster"}) - sum by (cluster) ({{M.NodeMemoryAvailable}}{cluster=~"$cluster"})) / (sum by (cluster) ({{M.NodeMemorySize}}{cluster=~"$cluster"}) - max by (cluster) ({{M.NodeMemorySize}}{cluster=~"$cluster"}))""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, null)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", Budgets.UtilizationWarning), ("red", 1))),
                Panels.TimeSeriesWithBudget("CPU per cluster")
                    .Description("Average host CPU busy across the nodes of the cluster.")
                    .Query(Range($$"""avg by (cluster) ({{M.NodeCpu}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.TimeSeries("VMs per cluster")
                    .Description("Running VMs per cluster: the demand the other resources follow.")
                    .Query(Range($$"""sum by (cluster) ({{M.NodeVmCount}}{cluster=~"$cluster"})""", "{{cluster}}"))
                    .Unit("short").Range(0, null).Decimals(0));
}
