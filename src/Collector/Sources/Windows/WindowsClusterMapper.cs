using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Cluster membership (every node, as this node sees it) and the cluster-scope facts: quorum, votes, witness, pools
/// (primordial excluded), volumes, repair jobs and faults. Any node whose cluster service answers reports them
/// (cluster scope, Rules keeps the latest report), so the view survives the loss of any one node.
/// </summary>
internal static class WindowsClusterMapper
{
    /// <summary>Virtual disks that are not workload volumes: the Health Service's performance history store.</summary>
    public static readonly IReadOnlySet<string> InfrastructureDisks = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ClusterPerformanceHistory" };

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
            NodeNames.Same(n.Name, reportingNode) ? own : null))];
    }

    /// <summary>
    /// The cluster's view, or null when this node cannot query it: a node whose cluster service does not answer
    /// knows nothing about quorum (it may be the one cut off) and must not claim it is lost.
    /// </summary>
    public static ClusterFacts? Facts(WindowsSnapshot snapshot, IReadOnlyList<FaultCount>? faults)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.ClusterReachable || snapshot.Cluster is not { } cluster)
        {
            return null;
        }

        var witness = snapshot.WitnessResources.FirstOrDefault();
        var witnessType = witness?.Type switch
        {
            { } t when t.Contains("Cloud", StringComparison.OrdinalIgnoreCase) => WitnessType.Cloud,
            { } t when t.Contains("File Share", StringComparison.OrdinalIgnoreCase) => WitnessType.FileShare,
            _ => WitnessType.None,
        };
        var witnessOk = witness is null || witness.State == 2; // MSCluster_Resource.State 2 Online
        var (configured, present) = Votes(snapshot.Nodes, cluster, witnessType != WitnessType.None, witnessOk);

        return new ClusterFacts
        {
            // The cluster service answers a query only while its partition has quorum.
            HasQuorum = true,
            VotesConfigured = configured,
            VotesPresent = present,
            WitnessType = witnessType,
            WitnessState = witnessOk ? WitnessState.Ok : WitnessState.Failed,
            Pools = [.. snapshot.Pools.Where(p => !p.IsPrimordial).Select(p => new PoolReading(p.FriendlyName, p.Size, p.AllocatedSize, WindowsEnums.Health(p.HealthStatus)))],
            Volumes = Volumes(snapshot),
            RepairJobs = RepairJobs(snapshot.Jobs),
            Faults = faults ?? [],
            Replication = StorageReplicaMapper.Map(snapshot),
        };
    }

    /// <summary>
    /// With dynamic quorum on, the cluster's current weights (DynamicWeight per node, WitnessDynamicWeight): a node
    /// that went down has already lost its vote, and the witness votes only while the node votes are even
    /// (docs/reference/alerts.md, AzLocalQuorumAtRisk). Without it, the static NodeWeight and one witness vote.
    /// </summary>
    private static (int Configured, int Present) Votes(IReadOnlyList<ClusterNodeRecord> nodes, ClusterRecord cluster, bool hasWitness, bool witnessOk)
    {
        var dynamic = cluster.DynamicQuorumEnabled != 0;
        int Weight(ClusterNodeRecord n) => Math.Max(0, dynamic ? n.DynamicWeight : n.NodeWeight);
        var witnessVote = !hasWitness ? 0 : dynamic ? Math.Max(0, cluster.WitnessDynamicWeight) : 1;
        var configured = nodes.Sum(Weight) + witnessVote;
        var present = nodes.Where(n => n.State is 0 or 2).Sum(Weight) + (witnessOk ? witnessVote : 0);
        return (configured, present);
    }

    private static List<VolumeReading> Volumes(WindowsSnapshot snapshot)
    {
        var csvs = snapshot.Volumes.Where(v => v.IsCsv).ToList();
        var volumes = new List<VolumeReading>();
        foreach (var disk in snapshot.VirtualDisks.Where(d => !InfrastructureDisks.Contains(d.FriendlyName)))
        {
            if (WindowsEnums.Resiliency(disk) is not { } resiliency)
            {
                continue;
            }

            var health = WindowsEnums.Health(disk.HealthStatus);
            var operational = WindowsEnums.Operational(disk.OperationalStatus, health);
            // Azure Local labels a CSV's file system with its virtual disk's name.
            var csv = csvs.FirstOrDefault(v => string.Equals(v.FileSystemLabel, disk.FriendlyName, StringComparison.OrdinalIgnoreCase));
            volumes.Add(csv is null
                ? new VolumeReading(disk.FriendlyName, resiliency, disk.Size, 0, health, operational, UsedKnown: false)
                : new VolumeReading(disk.FriendlyName, resiliency, csv.Size, csv.Size - csv.SizeRemaining, health, operational));
        }

        return volumes;
    }

    // Bytes when Windows reports them; from PercentComplete when only the total is known; a job with no total is
    // left out (its size is unknowable here).
    private static List<RepairJob> RepairJobs(IEnumerable<StorageJobRecord> jobs)
    {
        var result = new List<RepairJob>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (WindowsEnums.RepairState(job.Name, job.JobState) is not { } state || job.BytesTotal is not { } total || total <= 0)
            {
                continue;
            }

            var processed = job.BytesProcessed ?? total * Math.Clamp(job.PercentComplete, 0, 100) / 100;
            var seen = names[job.Name] = names.GetValueOrDefault(job.Name) + 1;
            result.Add(new RepairJob(seen == 1 ? job.Name : $"{job.Name} {seen}", total, Math.Min(processed, total), state));
        }

        return result;
    }
}
