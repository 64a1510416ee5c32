namespace AzLocalMonitor.Rules.State;

/// <summary>One alert row to write: <see cref="Record"/> to insert or replace, or null to delete the row of the key.</summary>
public sealed record AlertChange(string Cluster, string RuleKey, IReadOnlyDictionary<string, string> Labels, AlertRecord? Record)
{
    /// <summary>The history step this change is (the alert fired, was muted, resolved), or null when it is none.</summary>
    public AlertTransition? Transition { get; init; }
}
