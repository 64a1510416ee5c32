using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>JSON shapes of the capacity API (anonymous objects: the wire format is the documentation).</summary>
public static class CapacityDto
{
    /// <summary>A cluster's capacity as JSON-ready object; with <paramref name="includeSeries"/> the history and forecast points too.</summary>
    public static object Summary(ClusterCapacity capacity, bool includeSeries)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        var s = capacity.Snapshot;
        return new
        {
            cluster = capacity.Cluster,
            generatedAt = capacity.GeneratedAt,
            model = s is null ? null : new
            {
                nodes = s.Nodes,
                witness = s.Witness,
                media = s.Media.ToString(),
                rawBytes = s.RawBytes,
                reserveBytes = s.ReserveBytes,
                allocatedBytes = s.AllocatedBytes,
                usableBytes = capacity.UsableBytes,
                usedFootprintBytes = s.UsedFootprintBytes,
                volumes = s.Volumes.Select(v => new { name = v.Name, sizeBytes = v.SizeBytes, resiliency = v.Resiliency.ToString(), efficiency = ResiliencyTable.TryResolve(v.Resiliency, Math.Max(1, s.Nodes), s.Media, out _)?.Efficiency }),
                nPlusOne = new { memoryRatio = Finite(s.NPlusOne.MemoryRatio), storageRatio = Finite(s.NPlusOne.StorageRatio), cpuRatio = Finite(s.NPlusOne.CpuRatio), holds = s.NPlusOne.Holds, redundancy = s.NPlusOne.Redundancy.ToString().ToLowerInvariant(), verdict = s.NPlusOne.Verdict, notes = s.NPlusOne.Notes },
                faultTolerance = new { storage = s.Tolerance.Storage, quorum = s.Tolerance.Quorum, cluster = s.Tolerance.Cluster, limitedBy = s.Tolerance.LimitedBy },
                notes = s.Notes,
            },
            resources = capacity.Resources.Select(r => new
            {
                resource = r.Resource,
                isRatio = r.IsRatio,
                policy = r.IsRatio ? r.Policy : (double?)null,
                method = r.Method,
                score = Finite(r.Score),
                baselineScore = Finite(r.BaselineScore),
                stepAt = r.StepAt,
                current = Finite(r.Current),
                atHorizon = r.AtHorizon,
                crossing = r.Crossing,
                history = includeSeries ? r.History.Select(h => new { timestamp = h.Timestamp, value = h.Value }) : null,
                points = includeSeries ? r.Points.Select(p => new { timestamp = p.Timestamp, p10 = p.P10, p50 = p.P50, p90 = p.P90 }) : null,
            }),
            notes = capacity.Notes,
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
