using System.Globalization;
using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>The text of <c>simulate describe NAME</c>: topology, capacity, storage layout and fault tolerance.</summary>
internal static class PresetDescriber
{
    public static string Describe(Preset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"{preset.Name}: {preset.Summary}");
        foreach (var note in preset.Notes)
        {
            text.WriteLine($"  note: {note}");
        }

        foreach (var spec in preset.Clusters.Take(preset.Clusters.Count > 3 ? 1 : preset.Clusters.Count))
        {
            text.WriteLine();
            Cluster(text, spec);
        }

        if (preset.Clusters.Count > 3)
        {
            text.WriteLine();
            text.WriteLine($"  ... and {preset.Clusters.Count - 1} more identical clusters: {string.Join(", ", preset.Clusters.Skip(1).Select(c => c.Name))}");
        }

        return text.ToString();
    }

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1e12 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e12:0.##} TB"),
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.##} MB"),
    };

    private static void Cluster(StringWriter text, ClusterSpec spec)
    {
        var report = CapacityReport.Of(spec);
        text.WriteLine($"cluster {spec.Name}{(spec.Site is null ? string.Empty : $" ({spec.Site})")}");
        text.WriteLine($"  nodes: {spec.Nodes} × ({spec.CoresPerNode} cores, {spec.MemoryPerNodeBytes >> 30} GiB; "
            + (spec.Cache is { } c ? $"cache {c.Count} × {Bytes(c.SizeBytes)} {c.Media}; " : "no cache tier; ")
            + $"capacity {spec.Capacity.Count} × {Bytes(spec.Capacity.SizeBytes)} {spec.Capacity.Media}) — {(spec.AllFlash ? "all-flash" : "hybrid")}");
        var weight = QuorumMath.WitnessWeight(spec.Nodes, spec.Witness);
        text.WriteLine($"  witness: {StateNames.Of(spec.Witness)}"
            + (spec.Witness == WitnessType.None ? string.Empty : $" (dynamic weight {weight}: it votes only while the node votes are even)")
            + $"; votes configured {QuorumMath.VotesConfigured(spec.Nodes, spec.Witness)}");
        text.WriteLine($"  VMs: {spec.Vms.Count} × {spec.Vms.MemoryBytes >> 30} GiB, {spec.Vms.Vcpus} vCPU");
        text.WriteLine($"  raw {Bytes(report.RawBytes)} ({spec.Nodes} × {Bytes(spec.Capacity.Count * spec.Capacity.SizeBytes)}); "
            + $"rebuild reserve {Bytes(report.ReserveBytes)} ({Math.Min(spec.Nodes, 4)} × one capacity drive); available for volumes {Bytes(report.AvailableBytes)}");
        text.WriteLine("  usable by resiliency (efficiency: with the reserve kept | raw × efficiency, the module's arithmetic):");
        foreach (var (resiliency, efficiency, usable, ignoring) in report.Usable)
        {
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {ResiliencyRules.Name(resiliency),-18} {efficiency,6:P1}: {Bytes(usable),9} | {Bytes(ignoring)}"));
        }

        text.WriteLine("  storage layout (footprint = size ÷ efficiency):");
        foreach (var (volume, efficiency, footprint) in report.Footprints)
        {
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {volume.Name,-14} {ResiliencyRules.Name(volume.Resiliency),-18} {Bytes(volume.SizeBytes),9} at {efficiency:P1} → footprint {Bytes(footprint)}{(volume.Thin ? " (thin)" : string.Empty)}"));
        }

        var volumes = report.Footprints.Sum(f => f.Volume.SizeBytes);
        text.WriteLine($"    total: {Bytes(volumes)} of volumes, footprint {Bytes(report.TotalFootprint)} of {Bytes(report.AvailableBytes)} available: "
            + (report.FootprintFits ? "fits" : $"does NOT fit fixed-provisioned ({Bytes(report.TotalFootprint - report.AvailableBytes)} over)"
                + (report.Footprints.All(f => f.Volume.Thin) ? "; simulated thin-provisioned" : string.Empty)));
        text.WriteLine($"  fault tolerance: storage {report.StorageFaultTolerance} node failure(s) (weakest volume), "
            + $"quorum {Math.Max(0, report.QuorumFaultTolerance)} node failure(s) with the witness healthy → cluster {Math.Max(0, report.ClusterFaultTolerance)}");
        if (spec.Nodes == 2 && spec.Witness != WitnessType.None)
        {
            text.WriteLine($"    without the witness: quorum {Math.Max(0, QuorumMath.NodeFailuresTolerated(spec.Nodes, spec.Witness, witnessHealthy: false))} (one node failure then loses quorum)");
        }

        text.WriteLine(double.IsPositiveInfinity(report.MemoryAfterLosingANode)
            ? "  N+1 memory: not applicable (single node)"
            : string.Create(CultureInfo.InvariantCulture,
                $"  N+1 memory: after losing a node the others are {report.MemoryAfterLosingANode:P0} full ({(report.MemoryAfterLosingANode <= 1 ? "every VM restarts" : "some VMs cannot restart")})"));
    }
}
