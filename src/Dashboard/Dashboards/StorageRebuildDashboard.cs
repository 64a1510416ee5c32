using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using static AzLocalMonitor.Dashboard.Factories.Queries;
using M = AzLocalMonitor.Dashboard.Factories.Metric;
using R = AzLocalMonitor.Dashboard.Factories.RulesMetric;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>Storage and rebuild (issue 7): pool, volumes, repair jobs with progress and ETA, disks and faults.</summary>
public static class StorageRebuildDashboard
{
    public const string Uid = "azlm-storage-rebuild";
    public const string Title = "Azure Local / Storage and rebuild";

    /// <summary>Bytes left per repair job.</summary>
    private static readonly string Remaining =
        $$"""(sum by (cluster, repair_job) ({{M.RepairSize}}{cluster=~"$cluster"}) - sum by (cluster, repair_job) ({{M.RepairProcessed}}{cluster=~"$cluster"}))""";

    /// <summary>Bytes per second processed per repair job, over the last 5 minutes.</summary>
    private static readonly string Rate =
        $$"""sum by (cluster, repair_job) (deriv({{M.RepairProcessed}}{cluster=~"$cluster"}[5m]))""";

    public static DashboardBuilder Create() =>
        DashboardDefaults.Create(Uid, Title,
                "Storage Spaces Direct: pool and volume health and capacity, repair jobs with progress and ETA, disks and Health Service faults.",
                "storage")
            .Row("Repair")
            .Panels(
                Panels.BarGauge("Repair progress")
                    .Description("Running repair/regeneration jobs: bytes processed / total. Volumes stay degraded (one failure from data loss on two-way mirror) until this reaches 100%.")
                    .Query(Instant($$"""sum by (cluster, repair_job) ({{M.RepairProcessed}}{cluster=~"$cluster"}) / sum by (cluster, repair_job) ({{M.RepairSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{repair_job}}"))
                    .Unit("percentunit").Range(0, 1)
                    .NoValue("No repair running")
                    .Thresholds(ThresholdPresets.Neutral()),
                Panels.BarGauge("Repair ETA")
                    .Description("Remaining bytes / processing rate of the last 5 minutes. Orange beyond the 15-minute recovery-time objective (AzLocalRebuildSlow); a stalled job shows a very long ETA.")
                    .Query(Instant($"{Remaining} / clamp_min({Rate}, 1)", "{{cluster}} / {{repair_job}}"))
                    .Unit("s").Range(0, Budgets.RebuildRto * 2)
                    .NoValue("No repair running")
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", Budgets.RebuildRto))),
                Panels.TimeSeries("Repair rate")
                    .Description("Bytes per second each repair job processes. Falls when the storage network or the remaining disks are saturated.")
                    .Query(Range(Rate, "{{cluster}} / {{repair_job}}"))
                    .Unit("Bps").Range(0, null),
                Panels.TimeSeries("Repair bytes remaining")
                    .Description("Bytes each repair job still has to process.")
                    .Query(Range(Remaining, "{{cluster}} / {{repair_job}}"))
                    .Unit("bytes").Range(0, null),
                Panels.TimeSeries("Bytes awaiting resync per node")
                    .Description("Data waiting to be resynchronised on each node after an outage; the repair drains it to 0.")
                    .Query(Range($$"""{{M.Degraded}}{cluster=~"$cluster"}""", "{{cluster}} / {{node}}"))
                    .Unit("bytes").Range(0, null))
            .Row("Pool")
            .Panels(
                StateTable("Pool health", M.PoolHealth, "pool", "Pool", Mappings.HealthStates(),
                    "Health of each storage pool. Warning/unhealthy: a disk failed or the pool lost redundancy; check physical disks and Health Service faults."),
                Panels.BarGauge("Pool allocated of what may be allocated")
                    .Description("Allocated / (raw size − the rebuild reserve Rules computes: one capacity drive per node, up to four). At 100% the reserve is in use and a failed drive cannot be rebuilt in place (AzLocalReserveCapacityLow).")
                    .Query(Instant($$"""sum by (cluster) ({{M.PoolAllocated}}{cluster=~"$cluster"}) / (sum by (cluster) ({{M.PoolSize}}{cluster=~"$cluster"}) - max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"}))""", "{{cluster}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(PanelBuilder.ThresholdsOf("green", ("orange", 0.9), ("red", 1))),
                Panels.TimeSeries("Pool size, reserve and allocation")
                    .Description("Raw pool size, the repair reserve and allocated bytes over time: allocated above (size − reserve) eats the reserve.")
                    .Query(Range($$"""sum by (cluster, pool) ({{M.PoolSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{pool}} size"))
                    .Query(Range($$"""max by (cluster) ({{R.CapacityReserve}}{cluster=~"$cluster"})""", "{{cluster}} reserve"))
                    .Query(Range($$"""sum by (cluster, pool) ({{M.PoolAllocated}}{cluster=~"$cluster"})""", "{{cluster}} / {{pool}} allocated"))
                    .Unit("bytes").Range(0, null))
            .Row("Volumes")
            .Panels(
                StateTable("Volume health", M.VolumeHealth, "volume", "Volume", Mappings.HealthStates(),
                    "Health of each volume (virtual disk). Warning: reduced redundancy, usually during a repair; unhealthy: data inaccessible."),
                StateTable("Volume operational state", M.VolumeOperational, "volume", "Volume", Mappings.OperationalStates(),
                    "Operational state of each volume. Degraded/Incomplete/No redundancy: copies lost; Detached: offline; In service: repair running."),
                Panels.BarGauge("Volume capacity used")
                    .Description("Used / size per volume: 80% warning, 90% critical (AzLocalVolumeCapacityHigh).")
                    .Query(Instant($$"""sum by (cluster, volume) ({{M.VolumeUsed}}{cluster=~"$cluster"}) / sum by (cluster, volume) ({{M.VolumeSize}}{cluster=~"$cluster"})""", "{{cluster}} / {{volume}}"))
                    .Unit("percentunit").Range(0, 1)
                    .Thresholds(ThresholdPresets.Utilization()),
                Panels.TimeSeries("Volume used")
                    .Description("Bytes used per volume over time, with its resiliency (mirror, parity).")
                    .Size(12, 8)
                    .Query(Range($$"""sum by (cluster, volume, resiliency) ({{M.VolumeUsed}}{cluster=~"$cluster"})""", "{{cluster}} / {{volume}} ({{resiliency}})"))
                    .Unit("bytes").Range(0, null),
                Panels.TimeSeriesWithBudget("Volume latency")
                    .Description("Worst CSVFS seconds per read/write across nodes: per volume where the collector reports volumes (label volume is optional), else the nodes' _Total. Budget 10 ms (dashed line).")
                    .Size(12, 8)
                    .Query(Range($$"""max by (cluster, volume, op) ({{M.StorageLatency}}{cluster=~"$cluster"})""", "{{cluster}} {{volume}} {{op}}"))
                    .Unit("s").Range(0, null)
                    .Thresholds(ThresholdPresets.AtMost(Budgets.StorageLatency)))
            .Row("Disks and faults")
            .Panels(
                Panels.Table("Physical disks by state")
                    .Description("Disks per node, media, usage and health. Unhealthy cache or capacity disks raise AzLocalPhysicalDiskFailed.")
                    .Query(Table($$"""sum by (cluster, node, media, usage, state) ({{M.DiskCount}}{cluster=~"$cluster"})"""))
                    .Transform(Transformations.Organize(["Time"],
                        ("cluster", "Cluster"), ("node", "Node"), ("media", "Media"), ("usage", "Usage"), ("state", "State"), ("Value", "Disks")))
                    .Override(Overrides.ColoredColumn("State", Mappings.DiskStates())),
                Panels.Table("Health Service faults")
                    .Description("Active Health Service faults by severity and type (Get-HealthFault). Each names the failing component and the recommended action.")
                    .Query(Table($$"""sum by (cluster, severity, type) ({{M.HealthFaults}}{cluster=~"$cluster"})"""))
                    .Transform(Transformations.Organize(["Time"],
                        ("cluster", "Cluster"), ("severity", "Severity"), ("type", "Type"), ("Value", "Faults")))
                    .Override(Overrides.ColoredColumn("Severity", Mappings.Severities())));

    /// <summary>A table of a state set's current state per object (pool or volume), the state cell coloured.</summary>
    private static PanelBuilder StateTable(string title, string metric, string label, string header, Model.ValueMapping mapping, string description) =>
        Panels.Table(title)
            .Description(description)
            .Size(8, 8)
            .Query(Table($$"""{{metric}}{cluster=~"$cluster"} == 1"""))
            .Transform(Transformations.Organize([.. Transformations.NoiseColumns, "Value", "resiliency"],
                ("cluster", "Cluster"), (label, header), ("state", "State")))
            .Override(Overrides.ColoredColumn("State", mapping));
}
