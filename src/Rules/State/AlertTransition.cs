namespace AzLocalMonitor.Rules.State;

/// <summary>
/// One step of an alert's history, for the NOC's timeline: it started <c>firing</c> (or paging again after its muting
/// ended), was <c>muted</c> while firing (by <see cref="MutedBy"/>: an inhibiting alert, a maintenance window or a
/// silence), or <c>resolved</c>. Pending alerts leave no history: most never fire.
/// </summary>
public sealed record AlertTransition(
    string Cluster,
    DateTimeOffset At,
    string Alert,
    string Severity,
    IReadOnlyDictionary<string, string> Labels,
    string Phase,
    string? MutedBy)
{
    public const string Firing = "firing";
    public const string Muted = "muted";
    public const string Resolved = "resolved";
}
