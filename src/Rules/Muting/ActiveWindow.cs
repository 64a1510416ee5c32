namespace AzLocalMonitor.Rules.Muting;

/// <summary>An occurrence of a maintenance window in progress: who it covers and until when.</summary>
public sealed record ActiveWindow(string Id, string Name, string? Node, DateTimeOffset EndsAt)
{
    /// <summary>True when an alert about <paramref name="node"/> (null: a cluster-level alert) is covered.</summary>
    public bool Covers(string? node) => Node is null || string.Equals(Node, node, StringComparison.Ordinal);
}
