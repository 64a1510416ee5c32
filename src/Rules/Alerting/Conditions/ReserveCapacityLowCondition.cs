using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalReserveCapacityLow: pool free space below the rebuild reserve — one capacity drive per node, up to four
/// (docs/capacity.md). The drive size is estimated as pool size / capacity drives (per reporting node × nodes); parameter
/// <c>reserve_bytes</c> sets the reserve explicitly.
/// </summary>
public sealed class ReserveCapacityLowCondition : IAlertCondition
{
    public string Kind => "reserve_capacity_low";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.PoolSize, CatalogNames.PoolAllocated, CatalogNames.DiskCount, CatalogNames.NodeState];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var allocated = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.PoolAllocated))
        {
            allocated[series.Labels.Get("pool") ?? string.Empty] = series.Value;
        }

        // A down node reports no disks: estimate the cluster's drive count from the nodes that do report.
        var capacitySeries = context.Fresh(CatalogNames.DiskCount).Where(s => s.Labels.Get("usage") == "capacity").ToList();
        var reportingNodes = capacitySeries.Select(s => s.Labels.Get("node")).Distinct(StringComparer.Ordinal).Count();
        var nodes = NodeCount(context);
        var capacityDrives = reportingNodes == 0 ? 0 : capacitySeries.Sum(s => s.Value) / reportingNodes * Math.Max(nodes, reportingNodes);
        foreach (var size in context.Fresh(CatalogNames.PoolSize))
        {
            var pool = size.Labels.Get("pool") ?? string.Empty;
            if (!allocated.TryGetValue(pool, out var used) || size.Value <= 0)
            {
                continue;
            }

            var reserve = context.Settings.Number("reserve_bytes", capacityDrives > 0 ? Math.Min(nodes, 4) * (size.Value / capacityDrives) : 0);
            var free = size.Value - used;
            if (reserve > 0 && free < reserve)
            {
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "pool", pool), free,
                    Details(("free", Bytes(free)), ("reserve", Bytes(reserve)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"(max by (cluster, pool) ({CatalogNames.PoolSize}) - max by (cluster, pool) ({CatalogNames.PoolAllocated})) " +
        $"< on (cluster) group_left () (clamp_max(count by (cluster) ({CatalogNames.NodeState}{{state=\"up\"}}), 4) " +
        $"* on (cluster) (sum by (cluster) ({CatalogNames.PoolSize}) / (sum by (cluster) ({CatalogNames.DiskCount}{{usage=\"capacity\"}}) " +
        $"/ count by (cluster) (count by (cluster, node) ({CatalogNames.DiskCount}{{usage=\"capacity\"}})) * count by (cluster) ({CatalogNames.NodeState}{{state=\"up\"}}))))";

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1e12 => $"{bytes / 1e12:0.##} TB",
        >= 1e9 => $"{bytes / 1e9:0.##} GB",
        _ => $"{bytes / 1e6:0.##} MB",
    };
}
