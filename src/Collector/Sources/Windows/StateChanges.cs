using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>The state changes between two readings that are worth an immediate export.</summary>
internal static class StateChanges
{
    public static List<StateChange> Between(ClusterReading? before, ClusterReading after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<StateChange>();
        if (before is null)
        {
            return changes;
        }

        var previous = before.Nodes.ToDictionary(n => n.Name, n => n.State, StringComparer.OrdinalIgnoreCase);
        foreach (var node in after.Nodes)
        {
            if (!previous.TryGetValue(node.Name, out var was) || was == node.State)
            {
                continue;
            }

            StateChangeKind? kind = (was, node.State) switch
            {
                (_, NodeState.Down) => StateChangeKind.NodeDown,
                (NodeState.Down, NodeState.Up) => StateChangeKind.NodeUp,
                (_, NodeState.Paused) => StateChangeKind.NodePaused,
                (NodeState.Paused, NodeState.Up) => StateChangeKind.NodeResumed,
                _ => null,
            };
            if (kind is { } k)
            {
                changes.Add(new StateChange(k, node.Name, at));
            }
        }

        if (before.Cluster is { } b && after.Cluster is { } a)
        {
            if (b.HasQuorum != a.HasQuorum)
            {
                changes.Add(new StateChange(a.HasQuorum ? StateChangeKind.QuorumRegained : StateChangeKind.QuorumLost, "cluster", at));
            }

            if (b.WitnessState != a.WitnessState)
            {
                changes.Add(new StateChange(a.WitnessState == WitnessState.Failed ? StateChangeKind.WitnessFailed : StateChangeKind.WitnessRestored, "witness", at));
            }
        }

        return changes;
    }
}
