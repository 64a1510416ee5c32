using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// A cluster's load at a scenario time: a pure function of the time, the seed and the cluster, so every agent of a
/// cluster computes the same values and a run can be repeated. O(steps) per call, no allocation.
/// </summary>
internal sealed class GrowthCurve
{
    private const double SecondsPerMonth = 30.436875 * 86400;
    private const double Week = 7 * 86400;
    private const double Year = 365.25 * 86400;

    private readonly GrowthSpec _spec;
    private readonly ClusterSpec _cluster;
    private readonly int _seed;
    private readonly int _index;
    private readonly long _totalVolumeBytes;

    public GrowthCurve(GrowthSpec spec, ClusterSpec cluster, int seed, int clusterIndex)
    {
        _spec = spec;
        _cluster = cluster;
        _seed = seed;
        _index = clusterIndex;
        _totalVolumeBytes = Math.Max(1, cluster.Volumes.Sum(v => v.SizeBytes));
    }

    /// <summary>Multiplier of load (CPU, IOPS) from the seasons: 1 ± weekly ± yearly.</summary>
    public double Load(TimeSpan t) =>
        1 + (_spec.Weekly * Math.Sin(2 * Math.PI * t.TotalSeconds / Week)) + (_spec.Yearly * Math.Sin(2 * Math.PI * t.TotalSeconds / Year));

    /// <summary>∫₀ᵗ Load, in seconds: the cumulative I/O count per unit of base IOPS (monotonic while the amplitudes stay below 1).</summary>
    public double LoadIntegral(TimeSpan t)
    {
        var s = t.TotalSeconds;
        return s + (_spec.Weekly * Week / (2 * Math.PI) * (1 - Math.Cos(2 * Math.PI * s / Week)))
            + (_spec.Yearly * Year / (2 * Math.PI) * (1 - Math.Cos(2 * Math.PI * s / Year)));
    }

    /// <summary>VMs the cluster wants to run at <paramref name="t"/>.</summary>
    public int VmCount(TimeSpan t)
    {
        var months = t.TotalSeconds / SecondsPerMonth;
        var trend = _cluster.Vms.Count * (1 + (_spec.VmsPerMonth * months));
        var seasonal = trend * (1 + ((Load(t) - 1) * 0.5) + (_spec.Noise * DailyNoise(t, 1)));
        var steps = 0;
        foreach (var step in _spec.Steps)
        {
            if (t >= step.At && (step.Cluster is null || step.Cluster == _cluster.Name))
            {
                steps += step.Vms;
            }
        }

        return Math.Max(0, (int)Math.Round(seasonal) + steps);
    }

    /// <summary>Memory assigned to each VM at <paramref name="t"/>.</summary>
    public long VmMemoryBytes(TimeSpan t) =>
        (long)(_cluster.Vms.MemoryBytes * (1 + (_spec.MemoryPerMonth * t.TotalSeconds / SecondsPerMonth)));

    /// <summary>Bytes written to <paramref name="volume"/> at <paramref name="t"/> (capped at 98% of its size).</summary>
    public long VolumeUsedBytes(VolumeSpec volume, TimeSpan t)
    {
        var months = t.TotalSeconds / SecondsPerMonth;
        var start = volume.SizeBytes * volume.UsedFraction;
        var used = start * (1 + (_spec.StoragePerMonth * months) + (_spec.Yearly * 0.2 * Math.Sin(2 * Math.PI * t.TotalSeconds / Year)));
        foreach (var step in _spec.Steps)
        {
            if (t >= step.At && (step.Cluster is null || step.Cluster == _cluster.Name))
            {
                used += step.StorageBytes * ((double)volume.SizeBytes / _totalVolumeBytes);
            }
        }

        return (long)Math.Clamp(used, 0, volume.SizeBytes * 0.98);
    }

    /// <summary>Seeded noise in [-1, 1] that changes once a day.</summary>
    private double DailyNoise(TimeSpan t, int metric) => Noise.At(_seed, 1000 + _index, metric, TimeSpan.FromSeconds(Math.Floor(t.TotalDays)));
}
