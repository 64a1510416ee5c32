using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalRebuildSlow: a repair job's ETA exceeds the recovery-time objective (parameter <c>rto</c>, default 15 min
/// for a single node failure): the cluster stays exposed to a second failure for longer than planned.
/// </summary>
public sealed class RebuildSlowCondition : IAlertCondition
{
    public static readonly TimeSpan DefaultRto = TimeSpan.FromMinutes(15);

    public string Kind => "rebuild_slow";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.RepairSize, CatalogNames.RepairProcessed];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var rto = context.Settings.Duration("rto", DefaultRto);
        foreach (var job in RepairProgress.Of(context))
        {
            if (job.Eta is { } eta && eta > rto)
            {
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "job", job.Job), eta.TotalSeconds,
                    Details(("progress", job.Describe()), ("rto", Human(rto)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rto = Num(settings.Duration("rto", DefaultRto).TotalSeconds);
        return $"(max by (cluster, job) ({CatalogNames.RepairSize}) - max by (cluster, job) ({CatalogNames.RepairProcessed})) " +
            $"/ max by (cluster, job) (deriv({CatalogNames.RepairProcessed}[2m]) > 0) > {rto}";
    }

    public IEnumerable<string> Validate(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Parameters.ContainsKey("rto") && settings.Duration("rto", TimeSpan.Zero) <= TimeSpan.Zero)
        {
            yield return "rto must be a positive duration such as 15m";
        }
    }
}
