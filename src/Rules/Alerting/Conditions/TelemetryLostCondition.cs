using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalTelemetryLost: no node of the cluster has reported for parameter <c>silence</c> (default: the node
/// silence of <see cref="AlertingOptions"/>): the monitoring path is lost, which is one warning, not a node-down
/// page per node. Only for an established cluster: one whose reports span at least parameter <c>established</c>
/// (default: <c>silence</c>) from its first to its last, so made-up clusters sending one export each (or a handful)
/// never raise a storm of absence alerts that would crowd real pages out of the delivery queue.
/// </summary>
public sealed class TelemetryLostCondition : IAlertCondition
{
    public string Kind => "telemetry_lost";

    public IReadOnlyCollection<string>? Inputs { get; } = [IAlertCondition.NodeReports];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var last = context.Cluster.LastReportMs;
        if (last == 0)
        {
            return;
        }

        var silence = context.Settings.Duration("silence", context.Alerting.NodeSilenceAfter);
        var silenceMs = (long)silence.TotalMilliseconds;
        if (last - context.Cluster.FirstReportMs < (long)context.Settings.Duration("established", silence).TotalMilliseconds)
        {
            return; // never reported for long enough to be missed; a later report re-evaluates it
        }

        if (context.NowMs - last > silenceMs)
        {
            var silent = TimeSpan.FromMilliseconds(context.NowMs - last);
            candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name), silent.TotalSeconds, Details(("silent", Human(silent)))));
        }
        else
        {
            context.NoteDeadlineMs(last + silenceMs + 1);
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var silenceSpan = settings.Duration("silence", new AlertingOptions().NodeSilenceAfter);
        var silence = Num(silenceSpan.TotalSeconds);
        var established = Num(settings.Duration("established", silenceSpan).TotalSeconds);
        return $"max by (cluster) (time() - {CatalogNames.ClusterLastReport}) > {silence} " +
            $"and on (cluster) (max by (cluster) ({CatalogNames.ClusterLastReport}) - min by (cluster) ({CatalogNames.ClusterFirstReport}) >= {established})";
    }
}
