using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// S2D storage of one cluster: the pool (capacity drives, rebuild reserve), volumes with resiliency, node resyncs
/// (<see cref="Resync"/>) and drive rebuilds (<see cref="DriveFailure"/>). Events change it; <see cref="Read"/> is a
/// function of the time and the quorum view, O(nodes + volumes + failures).
/// </summary>
internal sealed class StorageModel
{
    private readonly ClusterSpec _spec;
    private readonly GrowthCurve _growth;
    private readonly long _repairRate;
    private readonly TimeSpan _retireAfter;
    private readonly Resync?[] _resyncs;
    private readonly List<DriveFailure> _failures = [];
    private readonly IReadOnlyList<DiskGroup> _healthyDisks;
    private readonly double[] _efficiency;

    public StorageModel(ClusterSpec spec, Scenario scenario, GrowthCurve growth)
    {
        _spec = spec;
        _growth = growth;
        _repairRate = scenario.RepairBytesPerSecondFor(spec);
        _retireAfter = scenario.RetireAfter;
        _resyncs = new Resync?[spec.Nodes];
        _healthyDisks = Disks(spec.Capacity.Count, 0, 0);
        // A stretched cluster keeps a full copy of every volume at each site, each at the volume's resiliency on the
        // site's nodes (the bank: two-way mirror on 2 nodes per site).
        var perSite = spec.Nodes / spec.SiteCount;
        _efficiency = [.. spec.Volumes.Select(v => ResiliencyRules.Efficiency(v.Resiliency, perSite, spec.AllFlash) / spec.SiteCount)];
    }

    /// <summary>Pool bytes allocated to volumes at <paramref name="now"/> (thin volumes: the footprint of what is written).</summary>
    public long AllocatedBytes(TimeSpan now)
    {
        double allocated = 0;
        for (var v = 0; v < _spec.Volumes.Count; v++)
        {
            var volume = _spec.Volumes[v];
            allocated += (volume.Thin ? _growth.VolumeUsedBytes(volume, now) : volume.SizeBytes) / _efficiency[v];
        }

        return (long)allocated;
    }

    /// <summary>Pool size now: raw minus retired drives that were not replaced.</summary>
    public long PoolSizeBytes(TimeSpan now) => _spec.RawBytes - (_failures.Count(f => f.IsRetired(now)) * _spec.Capacity.SizeBytes);

    public void NodeLeft(int node, TimeSpan now)
    {
        if (_resyncs[node] is { } resync)
        {
            resync.WentAwayAgain(now, _repairRate);
        }
        else
        {
            _resyncs[node] = new Resync { Node = _spec.NodeNames[node], DownAt = now, DirtyBytesPerSecond = _spec.Workload.WriteBytesPerSecond };
        }
    }

    public void NodeReturned(int node, TimeSpan now)
    {
        if (_resyncs[node] is { } resync)
        {
            resync.ResyncFrom = now;
        }
    }

    /// <returns>False if that drive is already failed.</returns>
    public bool FailDrive(int node, int drive, TimeSpan now)
    {
        if (_failures.Any(f => f.Node == node && f.Drive == drive && !f.IsReplaced(now)))
        {
            return false;
        }

        var retiredAt = now + _retireAfter;
        var allocated = AllocatedBytes(retiredAt);
        var data = allocated / _spec.CapacityDrives;
        var poolAfter = PoolSizeBytes(retiredAt) - _spec.Capacity.SizeBytes;
        _failures.Add(new DriveFailure
        {
            Node = node,
            Drive = drive,
            FailedAt = now,
            RetiredAt = retiredAt,
            DataBytes = data,
            ReserveSuffices = poolAfter - allocated >= data,
        });
        return true;
    }

    /// <returns>False if that drive has not failed.</returns>
    public bool ReplaceDrive(int node, int drive, TimeSpan now)
    {
        var failure = _failures.FirstOrDefault(f => f.Node == node && f.Drive == drive && f.ReplacedAt is null);
        if (failure is null)
        {
            return false;
        }

        failure.ReplacedAt = now;
        return true;
    }

    /// <summary>When each failed drive was (or will be) retired, and its name.</summary>
    public IEnumerable<(TimeSpan At, string Drive)> Retirements() =>
        _failures.Where(f => f.ReplacedAt is not { } r || r > f.RetiredAt).Select(f => (f.RetiredAt, $"{_spec.NodeNames[f.Node]}/capacity-{f.Drive}"));

    public StorageSnapshot Read(TimeSpan now, QuorumView quorum)
    {
        var impaired = 0;
        for (var i = 0; i < _spec.Nodes; i++)
        {
            // Volumes are active in the first site; a later site away costs their replica, not their copies.
            if (_spec.InPrimarySite(i) && (!quorum.Member[i] || HasUnrebuiltDrive(i, now)))
            {
                impaired++;
            }
        }

        var jobs = new List<RepairJob>();
        long remaining = 0;
        var repairing = false;
        foreach (var resync in _resyncs)
        {
            if (resync is not null && !resync.IsDone(now, _repairRate))
            {
                // While the node is away its job is suspended (nothing can be copied to it): the bytes owed count as
                // degraded, and the job is reported (the catalog's "running" jobs) once the node is back.
                var size = resync.Size(now);
                var processed = resync.Processed(now, _repairRate);
                remaining += size - processed;
                if (resync.ResyncFrom is not null && _spec.Nodes > 1) // a single node has no copy elsewhere to resync from
                {
                    jobs.Add(new RepairJob($"repair-{resync.Node}", size, processed));
                    repairing = true;
                }
            }
        }

        int unhealthy = 0, cannotHeal = 0;
        foreach (var failure in _failures)
        {
            unhealthy += failure.IsUnhealthy(now) ? 1 : 0;
            cannotHeal += failure.CannotHeal(now) ? 1 : 0;
            if (failure.IsRebuilding(now, _repairRate))
            {
                var processed = failure.Processed(now, _repairRate);
                jobs.Add(new RepairJob(failure.JobName, failure.DataBytes, processed));
                remaining += failure.DataBytes - processed;
                repairing = true;
            }
        }

        var volumes = new VolumeReading[_spec.Volumes.Count];
        var anyUnhealthy = false;
        for (var v = 0; v < volumes.Length; v++)
        {
            var spec = _spec.Volumes[v];
            var (health, operational) = VolumeState(quorum.HasQuorum, impaired, ResiliencyRules.FaultTolerance(spec.Resiliency), repairing);
            anyUnhealthy |= health == HealthState.Unhealthy;
            volumes[v] = new VolumeReading(spec.Name, ResiliencyRules.Name(spec.Resiliency), spec.SizeBytes, _growth.VolumeUsedBytes(spec, now), health, operational);
        }

        var poolHealth = !quorum.HasQuorum ? HealthState.Unknown
            : anyUnhealthy ? HealthState.Unhealthy
            : impaired > 0 || cannotHeal > 0 || unhealthy > 0 ? HealthState.Warning
            : HealthState.Healthy;
        var pool = new PoolReading("S2D", PoolSizeBytes(now), AllocatedBytes(now), poolHealth);
        return new StorageSnapshot(pool, volumes, jobs, DisksByNode(now), remaining, repairing, impaired > 0, unhealthy, cannotHeal);
    }

    private static (HealthState, OperationalState) VolumeState(bool hasQuorum, int impaired, int tolerance, bool repairing) =>
        !hasQuorum ? (HealthState.Unhealthy, OperationalState.Detached)
        : impaired > tolerance ? (HealthState.Unhealthy, OperationalState.Incomplete)
        : impaired > 0 ? (HealthState.Warning, OperationalState.Degraded)
        : repairing ? (HealthState.Warning, OperationalState.InService)
        : (HealthState.Healthy, OperationalState.Ok);

    private bool HasUnrebuiltDrive(int node, TimeSpan now)
    {
        foreach (var failure in _failures)
        {
            if (failure.Node == node && now >= failure.FailedAt && !failure.IsRebuilt(now, _repairRate))
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<DiskGroup>[] DisksByNode(TimeSpan now)
    {
        var result = new IReadOnlyList<DiskGroup>[_spec.Nodes];
        Array.Fill(result, _healthyDisks);
        foreach (var failure in _failures)
        {
            if (!failure.IsReplaced(now) && result[failure.Node] == _healthyDisks)
            {
                var onNode = _failures.Where(f => f.Node == failure.Node && !f.IsReplaced(now)).ToList();
                var unhealthy = onNode.Count(f => f.IsUnhealthy(now));
                var retired = onNode.Count(f => f.IsRetired(now));
                result[failure.Node] = Disks(_spec.Capacity.Count - unhealthy - retired, unhealthy, retired);
            }
        }

        return result;
    }

    private IReadOnlyList<DiskGroup> Disks(int healthy, int unhealthy, int retired)
    {
        var groups = new List<DiskGroup>(8);
        if (_spec.Cache is { } cache)
        {
            groups.Add(new DiskGroup(cache.Media, "cache", DiskState.Healthy, cache.Count));
            groups.Add(new DiskGroup(cache.Media, "cache", DiskState.Warning, 0));
            groups.Add(new DiskGroup(cache.Media, "cache", DiskState.Unhealthy, 0));
            groups.Add(new DiskGroup(cache.Media, "cache", DiskState.Retired, 0));
        }

        var media = _spec.Capacity.Media;
        groups.Add(new DiskGroup(media, "capacity", DiskState.Healthy, healthy));
        groups.Add(new DiskGroup(media, "capacity", DiskState.Warning, 0));
        groups.Add(new DiskGroup(media, "capacity", DiskState.Unhealthy, unhealthy));
        groups.Add(new DiskGroup(media, "capacity", DiskState.Retired, retired));
        return groups;
    }
}
