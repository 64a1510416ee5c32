using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalRebuildSlow: a repair job's ETA exceeds the recovery-time objective (parameter <c>rto</c>, default 15 min
/// for a single node failure), or the job made no progress at all over its recent history (stalled: an infinite
/// ETA, which a rate-based check alone would never flag). With the rule's <c>for</c> (default 5 min) that is "no
/// progress for 5 minutes". The cluster stays exposed to a second failure for longer than planned.
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
            var labels = LabelSet.Of("cluster", context.Cluster.Name, PrometheusNaming.RepairJobLabel, job.Job);
            if (job.BytesPerSecond is 0)
            {
                candidates.Add(new AlertCandidate(labels, double.PositiveInfinity,
                    Details(("progress", $"{job.Fraction * 100:0}% done, stalled: no progress measured"), ("rto", Human(rto)))));
            }
            else if (job.Eta is { } eta && eta > rto)
            {
                candidates.Add(new AlertCandidate(labels, eta.TotalSeconds, Details(("progress", job.Describe()), ("rto", Human(rto)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rto = Num(settings.Duration("rto", DefaultRto).TotalSeconds);
        return $"(max by (cluster, repair_job) ({CatalogNames.RepairSize}) - max by (cluster, repair_job) ({CatalogNames.RepairProcessed})) " +
            $"/ max by (cluster, repair_job) (deriv({CatalogNames.RepairProcessed}[2m]) > 0) > {rto} " +
            $"or (max by (cluster, repair_job) ({CatalogNames.RepairSize}) > max by (cluster, repair_job) ({CatalogNames.RepairProcessed})) " +
            $"and max by (cluster, repair_job) (changes({CatalogNames.RepairProcessed}[2m])) == 0";
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
