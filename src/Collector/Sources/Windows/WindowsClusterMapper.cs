using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Cluster membership (every node, as this node sees it) and, on the node that owns the cluster core group only,
/// the cluster-scope facts: quorum, votes, witness, pools (primordial excluded), volumes, repair jobs and faults.
/// </summary>
internal static class WindowsClusterMapper
{
    public static IReadOnlyList<NodeReading> Members(WindowsSnapshot snapshot, string reportingNode, NodeMetrics own)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Nodes.Count == 0)
        {
            // Not clustered, or the cluster service does not answer: the node reports only itself.
            return [new NodeReading(reportingNode, snapshot.ClusterReachable ? NodeState.Up : NodeState.Unknown, DrainState.None, own)];
        }

        return [.. snapshot.Nodes.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Select(n => new NodeReading(
            n.Name, WindowsEnums.Node(n.State), WindowsEnums.Drain(n.NodeDrainStatus),
            SameNode(n.Name, reportingNode) ? own : null))];
    }

    /// <summary>Whether <paramref name="reportingNode"/> owns the core group ("Cluster Group").</summary>
    public static bool OwnsCoreGroup(WindowsSnapshot snapshot, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // "Available Storage" is a core group too; the cluster's own group has GroupType 1.
        var core = snapshot.Groups.FirstOrDefault(g => g.IsCoreGroup && g.GroupType == 1)
            ?? snapshot.Groups.FirstOrDefault(g => g.Name.Equals("Cluster Group", StringComparison.OrdinalIgnoreCase));
        return core?.OwnerNode is { } owner && SameNode(owner, reportingNode);
    }

    public static ClusterFacts Facts(WindowsSnapshot snapshot, IReadOnlyList<FaultCount> faults)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var witness = snapshot.WitnessResources.FirstOrDefault();
        var witnessType = witness?.Type switch
        {
            { } t when t.Contains("Cloud", StringComparison.OrdinalIgnoreCase) => WitnessType.Cloud,
            { } t when t.Contains("File Share", StringComparison.OrdinalIgnoreCase) => WitnessType.FileShare,
            _ => WitnessType.None,
        };
        var witnessOk = witness is null || witness.State == 2;
        var votesConfigured = snapshot.Nodes.Sum(n => n.NodeWeight) + (witnessType == WitnessType.None ? 0 : 1);
        var votesPresent = snapshot.Nodes.Where(n => n.State is 0 or 2).Sum(n => n.NodeWeight) + (witnessType != WitnessType.None && witnessOk ? 1 : 0);

        return new ClusterFacts
        {
            // The cluster service answers only while its partition has quorum.
            HasQuorum = snapshot.ClusterReachable && snapshot.Cluster is not null,
            VotesConfigured = votesConfigured,
            VotesPresent = votesPresent,
            WitnessType = witnessType,
            WitnessState = witnessOk ? WitnessState.Ok : WitnessState.Failed,
            Pools = [.. snapshot.Pools.Where(p => !p.IsPrimordial).Select(p => new PoolReading(p.FriendlyName, p.Size, p.AllocatedSize, WindowsEnums.Health(p.HealthStatus)))],
            Volumes = Volumes(snapshot),
            RepairJobs = RepairJobs(snapshot.Jobs),
            Faults = faults,
        };
    }

    /// <summary>What a node that used to own the core group reports when the cluster stops answering: quorum lost.</summary>
    public static ClusterFacts Lost(int lastVotesConfigured) =>
        new() { HasQuorum = false, VotesConfigured = lastVotesConfigured, VotesPresent = 0 };

    private static List<VolumeReading> Volumes(WindowsSnapshot snapshot)
    {
        var volumes = new List<VolumeReading>();
        foreach (var disk in snapshot.VirtualDisks)
        {
            var resiliency = WindowsEnums.Resiliency(disk.ResiliencySettingName, disk.NumberOfDataCopies, disk.PhysicalDiskRedundancy, disk.TierResiliency);
            if (resiliency is null)
            {
                continue; // e.g. the ClusterPerformanceHistory helper disk without a setting name: not a workload volume
            }

            var health = WindowsEnums.Health(disk.HealthStatus);
            var volume = snapshot.Volumes.FirstOrDefault(v => string.Equals(v.FileSystemLabel, disk.FriendlyName, StringComparison.OrdinalIgnoreCase));
            var used = volume is null ? disk.AllocatedSize : volume.Size - volume.SizeRemaining;
            volumes.Add(new VolumeReading(disk.FriendlyName, resiliency, volume?.Size ?? disk.Size, used, health, WindowsEnums.Operational(disk.OperationalStatus, health)));
        }

        return volumes;
    }

    // Bytes when Windows reports them; from PercentComplete when only the total is known; a job with neither
    // total nor processed bytes is left out (its size is unknowable here).
    private static List<RepairJob> RepairJobs(IEnumerable<StorageJobRecord> jobs)
    {
        var result = new List<RepairJob>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in jobs.Where(j => WindowsEnums.IsRepairJob(j.Name, j.JobState)))
        {
            if (job.BytesTotal is not { } total || total <= 0)
            {
                continue;
            }

            var processed = job.BytesProcessed ?? total * Math.Clamp(job.PercentComplete, 0, 100) / 100;
            var seen = names[job.Name] = names.GetValueOrDefault(job.Name) + 1;
            result.Add(new RepairJob(seen == 1 ? job.Name : $"{job.Name} {seen}", total, Math.Min(processed, total)));
        }

        return result;
    }

    private static bool SameNode(string a, string b)
    {
        static string Short(string name) => name.Split('.')[0];
        return string.Equals(Short(a), Short(b), StringComparison.OrdinalIgnoreCase);
    }
}
