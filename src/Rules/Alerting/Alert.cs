using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>One alert instance of a rule: a label set and where it is in its lifecycle.</summary>
public sealed class Alert
{
    public Alert(LabelSet labels, DateTimeOffset activeAt)
    {
        Labels = labels;
        ActiveAt = activeAt;
        DataActiveAt = activeAt;
    }

    /// <summary>Identity: the rule's labels (alertname, severity) plus the subject's (cluster, node, volume...).</summary>
    public LabelSet Labels { get; }

    /// <summary>summary, description, runbook: rendered at the latest evaluation.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; set; } = new Dictionary<string, string>();

    /// <summary>Current lifecycle state.</summary>
    public AlertState State { get; set; } = AlertState.Pending;

    /// <summary>When the condition started to hold (Rules' clock: the <c>for</c> duration is timed from it).</summary>
    public DateTimeOffset ActiveAt { get; }

    /// <summary>
    /// When the condition started to hold in data time: the newest sample timestamp of the cluster at that evaluation
    /// (<see cref="Series.ClusterState.LatestSampleMs"/>), which both replicas of an HA pair agree on; defaults to
    /// <see cref="ActiveAt"/> when no sample carries a time (a restored pending alert).
    /// </summary>
    public DateTimeOffset DataActiveAt { get; init; }

    /// <summary>
    /// When the alert started firing (null while pending), in data time: <see cref="DataActiveAt"/> plus the rule's
    /// <c>for</c>. It is the notification's <c>startsAt</c>, so every replica of an HA pair sends the same one.
    /// </summary>
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>When it resolved (null while active).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>When the condition stopped holding while firing: start of keep_firing_for (null otherwise).</summary>
    public DateTimeOffset? KeepFiringSince { get; set; }

    /// <summary>When it was last handed to the notifier (null: never).</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>
    /// What mutes this alert now — an inhibiting alert, a maintenance window or a silence — or null. Muting never
    /// touches the labels: a muted alert keeps its identity and is kept, not sent.
    /// </summary>
    public string? MutedBy { get; set; }

    /// <summary>
    /// Set when the inhibition that muted this alert ended: it stays muted until then, so an alert whose source
    /// resolved in the same recovery resolves itself without paging (one page per incident, at recovery too).
    /// </summary>
    public DateTimeOffset? MutedUntil { get; set; }

    /// <summary>The muting stage behind <see cref="MutedBy"/>, or null.</summary>
    public MuteStage? MutedStage { get; set; }

    /// <summary>The last history step recorded for this alert (<see cref="State.AlertTransition"/> phases), or null before it fired.</summary>
    public string? HistoryPhase { get; set; }

    /// <summary>True when the alert changed in a way worth keeping across a restart and is not yet persisted.</summary>
    public bool Dirty { get; set; } = true;

    /// <summary>The value that made the condition true (e.g. votes present), for the API.</summary>
    public double Value { get; set; }

    /// <summary>The alert's name (label <c>alertname</c>).</summary>
    public string Name => Labels.Get(AlertLabels.AlertName) ?? string.Empty;

    /// <summary>The alert's severity (label <c>severity</c>).</summary>
    public string Severity => Labels.Get(AlertLabels.Severity) ?? string.Empty;
}
