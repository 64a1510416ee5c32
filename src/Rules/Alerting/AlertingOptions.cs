namespace AzLocalMonitor.Rules.Alerting;

/// <summary>Alert evaluation and lifecycle settings (configuration section <c>Alerting</c>).</summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerting";

    /// <summary>How often the timer checks for due work (pending <c>for</c>, silences, resends). Default 1 s.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A node whose own telemetry is silent this long while its peers report is considered down. Default 30 s.</summary>
    public TimeSpan NodeSilenceAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Firing and recently resolved alerts are re-sent to Alertmanager this often. Default 1 min.</summary>
    public TimeSpan ResendDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an alert stays muted after the alert that inhibited it resolves (default 30 s, the node silence): in a
    /// recovery the consequences (NodeDown of a node whose agent reconnects a few seconds after quorum returns) resolve
    /// within it and never page; a consequence still firing after it is a problem of its own and pages.
    /// </summary>
    public TimeSpan InhibitionGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Alert changes waiting to be persisted and sent; when full, evaluation waits (nothing is dropped).</summary>
    public int OutboxCapacity { get; set; } = 65_536;

    /// <summary>Resolved alerts are kept and re-sent for this long (Prometheus: 15 min).</summary>
    public TimeSpan ResolvedRetention { get; set; } = TimeSpan.FromMinutes(15);
}
