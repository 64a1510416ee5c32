using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// azlocal.cluster.operations from the readings the agent already takes: the transitions between two readings that
/// mean a routine operation finished, each reported for an hour after it (as the simulator does). Only transitions
/// seen by this agent count: an item first seen already drained, retired or completed finished at an unknown time.
/// Enum values are Microsoft's documented ones (see <see cref="ClusterNodeRecord"/>, <see cref="PhysicalDiskRecord"/>,
/// <see cref="StorageJobRecord"/>). A workload virtual disk (MSFT_VirtualDisk, by FriendlyName) that appears after the
/// agent has seen the cluster's disks is volume_created; one whose Size changes is volume_resized. Not thread-safe:
/// the Windows sources call it under their read lock.
/// </summary>
internal sealed class RoutineOperations
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private const int DrainCompleted = 2; // MSCluster_Node.NodeDrainStatus
    private const int NodeUp = 0; // MSCluster_Node.State
    private const int NodePaused = 2;
    private const int UsageRetired = 4; // MSFT_PhysicalDisk.Usage
    private const int JobCompleted = 7; // MSFT_StorageJob.JobState

    private readonly TimeProvider _time;

    // Last state seen per item; the log of finished operations (pruned past the window).
    private readonly Dictionary<string, (int State, int Drain)> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _disks = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _jobs = new(StringComparer.Ordinal);

    // Every virtual disk ever seen, with its last size: one missing from a reading (a refused storage query) that
    // comes back is not new.
    private readonly Dictionary<string, long> _volumes = new(StringComparer.OrdinalIgnoreCase);
    private bool _disksSeen;
    private readonly List<(DateTimeOffset At, string Operation, string Subject)> _log = [];

    public RoutineOperations(TimeProvider time) => _time = time;

    /// <summary>Records the transitions since the previous snapshot; returns the operations finished within the hour.</summary>
    public IReadOnlyList<(string Operation, string Subject)> Observe(WindowsSnapshot snapshot, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = _time.GetUtcNow();
        foreach (var node in snapshot.Nodes)
        {
            if (_nodes.TryGetValue(node.Name, out var was))
            {
                if (was.Drain != DrainCompleted && node.NodeDrainStatus == DrainCompleted)
                {
                    _log.Add((now, "node_drained", node.Name));
                }

                if (was.State == NodePaused && node.State == NodeUp)
                {
                    _log.Add((now, "node_resumed", node.Name));
                }
            }

            _nodes[node.Name] = (node.State, node.NodeDrainStatus);
        }

        // Physical disks are this node's own (LocalDisks), so the subject is node/drive like the simulator's.
        foreach (var disk in snapshot.PhysicalDisks)
        {
            var id = string.IsNullOrWhiteSpace(disk.SerialNumber) ? disk.FriendlyName : disk.SerialNumber.Trim();
            if (_disks.TryGetValue(id, out var usage) && usage != UsageRetired && disk.Usage == UsageRetired)
            {
                _log.Add((now, "drive_retired", $"{reportingNode}/{id}"));
            }

            _disks[id] = disk.Usage;
        }

        // MSFT_StorageJob has no documented key in the query; jobs are told apart by name and order, as for repair jobs.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in snapshot.Jobs)
        {
            var n = seen[job.Name] = seen.GetValueOrDefault(job.Name) + 1;
            var key = $"{job.Name}\n{n}";
            if (_jobs.TryGetValue(key, out var state) && state != JobCompleted && job.JobState == JobCompleted)
            {
                _log.Add((now, "storage_job_finished", job.Name));
            }

            _jobs[key] = job.JobState;
        }

        ObserveVolumes(snapshot, now);
        _log.RemoveAll(o => now - o.At >= Window);
        return [.. _log.Select(o => (o.Operation, o.Subject)).Distinct()];
    }

    // Until the agent has seen the cluster's disks once (any, the performance history's included) it cannot tell a
    // new one from one it has not met yet.
    private void ObserveVolumes(WindowsSnapshot snapshot, DateTimeOffset now)
    {
        var known = _disksSeen;
        _disksSeen |= snapshot.VirtualDisks.Count > 0;
        foreach (var disk in snapshot.VirtualDisks.Where(d => !WindowsClusterMapper.InfrastructureDisks.Contains(d.FriendlyName)))
        {
            if (!_volumes.TryGetValue(disk.FriendlyName, out var size))
            {
                if (known)
                {
                    _log.Add((now, "volume_created", disk.FriendlyName));
                }
            }
            else if (size > 0 && disk.Size > 0 && disk.Size != size)
            {
                _log.Add((now, "volume_resized", disk.FriendlyName));
            }

            _volumes[disk.FriendlyName] = disk.Size;
        }
    }
}
