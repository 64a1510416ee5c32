namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// What an agent said about its spool with one report (headers <c>AzLocalMonitor-Batch-Age</c>,
/// <c>AzLocalMonitor-Backlog</c>, <c>AzLocalMonitor-Agent</c>): whether the report is history (this replica was
/// unreachable while it was spooled) and whether more of the backlog follows. The engine holds a cluster's sends while
/// any of its agents replays (<see cref="ClusterAlerts.HoldSendsUntil"/>), and sends what is true once each has said its
/// backlog is empty — not after a guess at how long a replay takes, which a loaded machine overruns.
/// </summary>
/// <param name="Source">The agent (its node name), so one agent catching up does not end another's replay.</param>
/// <param name="Old">The batch was spooled at least <c>Ingest:ReplayAfter</c> before it was posted.</param>
/// <param name="Backlog">Batches still waiting behind this one at the agent; null when the agent does not say (older agents).</param>
public readonly record struct ReplayMark(string? Source, bool Old, int? Backlog)
{
    /// <summary>A report that says nothing about a backlog: live, as far as Rules can tell.</summary>
    public static ReplayMark None => default;

    /// <summary>An old batch from an agent that says nothing else (the tests' and older agents' replay).</summary>
    public static ReplayMark OldBatch => new(null, true, null);

    /// <summary>The agent announced more batches behind this one.</summary>
    public bool MoreToCome => Backlog > 0;

    /// <summary>The agent's spool is empty behind this fresh batch: its replay, if any, is over.</summary>
    public bool CaughtUp => !Old && Backlog == 0;

    /// <summary>The key of the agent's hold (reports that do not name their agent share one).</summary>
    public string Key => Source ?? string.Empty;
}
