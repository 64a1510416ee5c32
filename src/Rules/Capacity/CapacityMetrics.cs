using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// Capacity series on /metrics: <c>azlocal_capacity_exhaustion_timestamp_seconds</c> and <c>azlocal_capacity_forecast</c>
/// (labels cluster, resource, quantile "0.1"/"0.5"/"0.9": the Grafana dashboards' contract), and the model now.
/// </summary>
public sealed class CapacityMetrics : IMetricsContributor
{
    public const string Exhaustion = "azlocal_capacity_exhaustion_timestamp_seconds";
    public const string Forecast = "azlocal_capacity_forecast";
    public const string UsableBytes = "azlocal_capacity_usable_bytes";
    public const string ReserveBytes = "azlocal_capacity_reserve_bytes";
    public const string NPlusOneRatio = "azlocal_capacity_n_plus_one_ratio";
    public const string NPlusOneHolds = "azlocal_capacity_n_plus_one_holds";
    public const string FaultTolerance = "azlocal_capacity_fault_tolerance";

    private readonly CapacityBoard _board;

    public CapacityMetrics(CapacityBoard board) => _board = board;

    public void WriteTo(PrometheusTextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var forecasts = _board.Forecasts;
        writer.Family(Exhaustion, "gauge", "Forecast time each resource crosses policy (storage 80%, memory 80%, cpu 80%, n_plus_1 100%); quantile 0.1 = earliest (pessimistic), 0.5 median, 0.9 latest. Absent: not within the horizon.");
        foreach (var cluster in forecasts)
        {
            foreach (var resource in cluster.Resources.Where(r => r.IsRatio))
            {
                foreach (var (quantile, at) in resource.Crossing.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.Sample(Exhaustion, Labels(cluster.Cluster, resource.Resource, quantile), at.ToUnixTimeMilliseconds() / 1000.0);
                }
            }
        }

        writer.Family(Forecast, "gauge", "Forecast utilisation ratio (0..1) of each resource at the 18-month horizon, per quantile.");
        foreach (var cluster in forecasts)
        {
            foreach (var resource in cluster.Resources.Where(r => r.IsRatio))
            {
                foreach (var (quantile, value) in resource.AtHorizon.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.Sample(Forecast, Labels(cluster.Cluster, resource.Resource, quantile), value);
                }
            }
        }

        // The live model is published from the first record: N+1 and tolerance do not wait for a forecast.
        var snapshots = _board.Snapshots;
        writer.Family(UsableBytes, "gauge", "Usable capacity now: (pool raw − reserve) × the volumes' resiliency efficiency.");
        foreach (var s in snapshots)
        {
            if (ClusterCapacity.Usable(s) is { } usable)
            {
                writer.Sample(UsableBytes, LabelSet.Of("cluster", s.Cluster), usable);
            }
        }

        writer.Family(ReserveBytes, "gauge", "Repair reserve: one capacity drive per node, up to four.");
        foreach (var s in snapshots)
        {
            writer.Sample(ReserveBytes, LabelSet.Of("cluster", s.Cluster), s.ReserveBytes);
        }

        writer.Family(NPlusOneRatio, "gauge", "Demand / what is left after losing the largest node (memory and storage, kind label); above 1 the cluster does not survive N+1.");
        foreach (var s in snapshots)
        {
            var n1 = s.NPlusOne;
            if (double.IsFinite(n1.MemoryRatio))
            {
                writer.Sample(NPlusOneRatio, LabelSet.Of("cluster", s.Cluster, "kind", "memory"), n1.MemoryRatio);
            }

            if (double.IsFinite(n1.StorageRatio))
            {
                writer.Sample(NPlusOneRatio, LabelSet.Of("cluster", s.Cluster, "kind", "storage"), n1.StorageRatio);
            }

            if (double.IsFinite(n1.CpuRatio))
            {
                writer.Sample(NPlusOneRatio, LabelSet.Of("cluster", s.Cluster, "kind", "cpu"), n1.CpuRatio);
            }
        }

        writer.Family(NPlusOneHolds, "gauge", "1 when the cluster survives losing its largest node now (memory, storage and peak CPU fit); label redundancy = full, reduced, none (no redundancy until repaired), lost.");
        foreach (var s in snapshots)
        {
            var n1 = s.NPlusOne;
            writer.Sample(NPlusOneHolds, LabelSet.Of("cluster", s.Cluster, "redundancy", n1.Redundancy.ToString().ToLowerInvariant()), n1.Holds ? 1 : 0);
        }

        writer.Family(FaultTolerance, "gauge", "Simultaneous node failures survived: storage (weakest volume), quorum (majority of votes), cluster (the smaller).");
        foreach (var s in snapshots)
        {
            var t = s.Tolerance;
            writer.Sample(FaultTolerance, LabelSet.Of("cluster", s.Cluster, "kind", "cluster"), t.Cluster);
            writer.Sample(FaultTolerance, LabelSet.Of("cluster", s.Cluster, "kind", "quorum"), t.Quorum);
            writer.Sample(FaultTolerance, LabelSet.Of("cluster", s.Cluster, "kind", "storage"), t.Storage);
        }
    }

    private static LabelSet Labels(string cluster, string resource, string quantile) =>
        LabelSet.Of("cluster", cluster, "resource", resource, "quantile", quantile);
}
