using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalCacheHitRatioLow: S2D cache read hit ratio below policy on a hybrid node (one with HDD capacity drives);
/// all-flash nodes read from fast capacity media anyway, so their hit ratio is not a health signal.
/// </summary>
public sealed class CacheHitRatioLowCondition() : SeriesThresholdCondition(
    "cache_hit_ratio_low", CatalogNames.CacheHitRatio, above: false, ["cluster", "node"], ConditionHelpers.Percent, max: 1)
{
    public override string ToPromQl(RuleSettings settings) =>
        $"({base.ToPromQl(settings)}) and on (cluster, node) (sum by (cluster, node) ({CatalogNames.DiskCount}{{media=\"hdd\", usage=\"capacity\"}}) > 0)";

    protected override bool Applies(EvaluationContext context, TimeSeries series)
    {
        var node = series.Labels.Get("node");
        foreach (var disks in context.Fresh(CatalogNames.DiskCount))
        {
            if (disks.Value > 0 && disks.Labels.Get("node") == node && disks.Labels.Get("media") == "hdd" && disks.Labels.Get("usage") == "capacity")
            {
                return true;
            }
        }

        return false;
    }
}
