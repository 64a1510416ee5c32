namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// A planned maintenance window for a cluster or one of its nodes: recurring (Quartz cron + duration, e.g.
/// <c>0 0 22 ? * TUE</c> for 4h) or one-off (start and end). Alerts it covers are muted (kept, labels unchanged, not sent).
/// </summary>
/// <param name="Id">Stable identifier (configuration name or API id).</param>
/// <param name="Name">Human name, shown in alerts (<c>window</c> label).</param>
/// <param name="Cluster">Cluster it applies to.</param>
/// <param name="Node">Node it applies to; null for the whole cluster.</param>
/// <param name="Cron">Quartz cron expression of the start times (seconds first), for recurring windows.</param>
/// <param name="Duration">Length of each occurrence, for recurring windows.</param>
/// <param name="Start">Start of a one-off window.</param>
/// <param name="End">End of a one-off window.</param>
/// <param name="TimeZone">Time zone of the cron expression (IANA id); UTC when null.</param>
/// <param name="Reason">Why (change ticket, patch night...).</param>
public sealed record MaintenanceWindow(
    string Id,
    string Name,
    string Cluster,
    string? Node,
    string? Cron,
    TimeSpan? Duration,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    string? Reason);
