using System.Globalization;
using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary>
/// The capacity history a scenario's cluster would have recorded before the scenario starts: the cluster read at
/// scenario times −span..0 (its growth curve runs backwards, so the live run that follows continues the same curve),
/// written as Rules' history backfill CSV (<c>cluster,series,timestamp,value</c>; Rules' <c>History:BackfillCsv</c>,
/// series names from docs/capacity.md). Values come from what the cluster reports (pool, volumes, node memory, CPU,
/// VMs) and the simulator's own topology (reserve, resiliency efficiency). The N+1 series are left to Rules, which
/// falls back to the footprint over the raw pool without the largest node for history without them.
/// </summary>
internal static class SimulatedHistory
{
    /// <summary>Writes rows from <paramref name="end"/> − <paramref name="span"/> to <paramref name="end"/> (scenario time 0) every <paramref name="step"/>; returns the number of rows.</summary>
    public static int Write(TextWriter output, Scenario scenario, int clusterIndex, DateTimeOffset end, TimeSpan span, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var spec = scenario.Clusters[clusterIndex];
        var cluster = new SimulatedCluster(scenario, spec, clusterIndex); // no events applied: the state before the scenario
        var rows = 0;
        output.Write("cluster,series,timestamp,value\n");
        for (var t = -span; t <= TimeSpan.Zero; t += step)
        {
            var at = (end + t).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            foreach (var (series, value) in Values(spec, cluster.Read(t)))
            {
                output.Write(string.Create(CultureInfo.InvariantCulture, $"{spec.Name},{series},{at},{value:R}\n"));
                rows++;
            }
        }

        return rows;
    }

    /// <summary>The history series of one reading (what Rules' history records from the same metrics).</summary>
    public static IEnumerable<(string Series, double Value)> Values(ClusterSpec spec, ClusterReading reading)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Cluster is { } facts)
        {
            var raw = (double)facts.Pools.Sum(p => p.SizeBytes);
            yield return ("storage_raw_bytes", raw);
            yield return ("storage_capacity_bytes", raw - spec.ReserveBytes);
            yield return ("storage_allocated_bytes", facts.Pools.Sum(p => p.AllocatedBytes));
            yield return ("storage_node_raw_max_bytes", raw / spec.Nodes);
            yield return ("storage_used_footprint_bytes", facts.Volumes.Sum(v => v.UsedBytes / Efficiency(spec, v)));
        }

        var metrics = reading.Nodes.Select(n => n.Metrics).OfType<NodeMetrics>().ToList();
        var memory = metrics.Where(m => m.MemorySizeBytes is > 0 && m.MemoryAvailableBytes is not null).ToList();
        if (memory.Count > 0)
        {
            yield return ("memory_size_bytes", memory.Sum(m => (double)m.MemorySizeBytes!.Value));
            yield return ("memory_used_bytes", memory.Sum(m => (double)(m.MemorySizeBytes!.Value - m.MemoryAvailableBytes!.Value)));
            yield return ("memory_largest_node_bytes", memory.Max(m => (double)m.MemorySizeBytes!.Value));
        }

        if (metrics.Any(m => m.CpuUtilization is not null))
        {
            yield return ("cpu_utilization_ratio", metrics.Where(m => m.CpuUtilization is not null).Average(m => m.CpuUtilization!.Value));
        }

        yield return ("vm_count", metrics.Sum(m => m.VmCount ?? 0));
    }

    private static double Efficiency(ClusterSpec spec, VolumeReading volume) =>
        spec.Volumes.FirstOrDefault(v => v.Name == volume.Name) is { } planned ? ResiliencyRules.Efficiency(planned.Resiliency, spec.Nodes, spec.AllFlash)
        : ResiliencyRules.TryParse(volume.Resiliency, out var r) ? ResiliencyRules.Efficiency(r, spec.Nodes, spec.AllFlash)
        : 1;
}
