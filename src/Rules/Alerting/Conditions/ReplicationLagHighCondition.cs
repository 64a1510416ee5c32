using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalReplicationLagHigh: an asynchronous replication group's destination is further behind than the
/// recovery-point objective (parameter <c>rpo</c>, default 1 h: the module's site-loss RPO and the hospital's): losing
/// the source site now would lose more data than agreed. Synchronous groups have no lag while they replicate; when
/// they stop, AzLocalReplicationUnhealthy says so.
/// </summary>
public sealed class ReplicationLagHighCondition : IAlertCondition
{
    public static readonly TimeSpan DefaultRpo = TimeSpan.FromHours(1);

    public string Kind => "replication_lag_high";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.ReplicationLag];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var rpo = context.Settings.Duration("rpo", DefaultRpo);
        foreach (var series in context.Fresh(CatalogNames.ReplicationLag))
        {
            if (series.Labels.Get("mode") == "asynchronous" && series.Value > rpo.TotalSeconds)
            {
                candidates.Add(new AlertCandidate(Subject(series, "cluster", "group", "partner"), series.Value,
                    Details(("value", Human(TimeSpan.FromSeconds(series.Value))), ("rpo", Human(rpo)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"max by (cluster, group, partner) ({CatalogNames.ReplicationLag}{{mode=\"asynchronous\"}}) > {Num(settings.Duration("rpo", DefaultRpo).TotalSeconds)}";
    }

    public IEnumerable<string> Validate(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Parameters.ContainsKey("rpo") && settings.Duration("rpo", TimeSpan.Zero) <= TimeSpan.Zero)
        {
            yield return "rpo must be a positive duration such as 1h";
        }
    }
}
