using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// This node's pool drives: MSFT_StorageNode (Name is the node's FQDN) → MSFT_StorageNodeToPhysicalDisk with
/// IsPhysicallyConnected (the association alone also lists every other node's drives, which S2D makes visible
/// everywhere) → MSFT_PhysicalDisk, keeping drives that are in a pool (CannotPoolReason 2), which leaves the boot disk out.
/// </summary>
internal static class LocalDisks
{
    private const int InAPool = 2;

    public static IReadOnlyList<PhysicalDiskRecord> Select(string node, IReadOnlyList<CimRow> storageNodes, IReadOnlyList<CimRow> links, IReadOnlyList<CimRow> disks)
    {
        var own = storageNodes.Where(n => NodeNames.Same(n.Text("Name"), node)).Select(n => n.Text("ObjectId")).ToHashSet(StringComparer.Ordinal);
        var connected = links
            .Where(l => l.Bool("IsPhysicallyConnected") && own.Contains(l.Nested("StorageNode")?.Text("ObjectId") ?? string.Empty))
            .Select(l => l.Nested("PhysicalDisk")?.Text("ObjectId"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return [.. disks
            .Select(CimRecords.PhysicalDisk)
            .Where(d => d.ObjectId is { } id && connected.Contains(id) && (d.CannotPoolReason.Contains(InAPool) || d.Usage == 5))];
    }
}
