using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>An occurrence of a maintenance window in progress: who it covers and until when.</summary>
public sealed record ActiveWindow(string Id, string Name, string? Node, DateTimeOffset EndsAt)
{
    /// <summary>True when an alert about <paramref name="node"/> (null: a cluster-level alert) is covered.</summary>
    public bool Covers(string? node) => Node is null || string.Equals(Node, node, StringComparison.Ordinal);

    /// <summary>
    /// True when the window mutes an alert with <paramref name="labels"/>: a cluster window covers its cluster's alerts,
    /// a node window that node's. Informational alerts are never muted: they are maintenance's own signal.
    /// </summary>
    public bool Mutes(LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return labels.Get("severity") != "info" && Covers(labels.Get("node"));
    }
}
