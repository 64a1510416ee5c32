using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalVolumeCapacityHigh: volume used / size above the threshold (80% warning, 90% critical by default).</summary>
public sealed class VolumeCapacityHighCondition : IAlertCondition
{
    public string Kind => "volume_capacity_high";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.VolumeSize, CatalogNames.VolumeUsed];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var threshold = context.Settings.ThresholdOr(double.NaN);
        var sizes = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var size in context.Fresh(CatalogNames.VolumeSize))
        {
            if (size.Labels.Get("volume") is { } volume && size.Value > 0)
            {
                sizes[volume] = size.Value;
            }
        }

        foreach (var used in context.Fresh(CatalogNames.VolumeUsed))
        {
            if (used.Labels.Get("volume") is { } volume && sizes.TryGetValue(volume, out var size) && used.Value / size > threshold)
            {
                var ratio = used.Value / size;
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "volume", volume), ratio,
                    Details(("value", Percent(ratio)), ("threshold", Percent(threshold)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"max by (cluster, volume) ({CatalogNames.VolumeUsed}) / max by (cluster, volume) ({CatalogNames.VolumeSize} > 0) > {Num(settings.ThresholdOr(double.NaN))}";
    }

    public IEnumerable<string> Validate(RuleSettings settings) => RequireThreshold(settings, 0, 1);
}
