namespace AzLocalMonitor.Rules.State;

/// <summary>Where Rules keeps its durable state (configuration section <c>State</c>).</summary>
public sealed class StateOptions
{
    public const string Section = "State";

    /// <summary>
    /// SQLite file for alert state, node report checkpoints, maintenance windows and the audit trail.
    /// Relative paths are relative to the working directory. Empty: nothing is kept across restarts.
    /// </summary>
    public string Path { get; set; } = "data/rules.db";

    /// <summary>How long alert history (firing, muted, resolved steps for the NOC's timeline) is kept. Default 30 days.</summary>
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Most alert history steps kept across the fleet, oldest dropped first (a flapping alert cannot fill the disk).</summary>
    public int HistoryMaxRows { get; set; } = 200_000;

    /// <summary>How often node last-report times are checkpointed (they let silence detection survive a restart).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);
}
