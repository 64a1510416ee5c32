using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalTelemetryLost: no node of the cluster has reported for parameter <c>silence</c> (default: the node
/// silence of <see cref="AlertingOptions"/>): the monitoring path is lost, which is one warning, not a node-down
/// page per node.
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

        var silenceMs = (long)context.Settings.Duration("silence", context.Alerting.NodeSilenceAfter).TotalMilliseconds;
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
        var silence = Num(settings.Duration("silence", new AlertingOptions().NodeSilenceAfter).TotalSeconds);
        return $"max by (cluster) (time() - {CatalogNames.ClusterLastReport}) > {silence}";
    }
}
