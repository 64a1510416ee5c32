namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>The drives of one tier in each node.</summary>
/// <param name="Media">nvme, ssd or hdd.</param>
/// <param name="Count">Drives per node.</param>
/// <param name="SizeBytes">Size of one drive.</param>
internal sealed record DriveSpec(string Media, int Count, long SizeBytes);
