namespace AzLocalMonitor.Rules.Alerting;

/// <summary>Lifecycle of an alert, ordered as in Prometheus: inactive &lt; pending &lt; firing.</summary>
public enum AlertState
{
    /// <summary>The condition no longer holds; a resolved alert stays in this state for a while to be re-sent.</summary>
    Inactive,

    /// <summary>The condition holds but not yet for the rule's <c>for</c> duration.</summary>
    Pending,

    /// <summary>The condition has held for <c>for</c>: Alertmanager is told.</summary>
    Firing,
}
