namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>How many disks of one kind a node has in one state (azlocal.storage.disk.count).</summary>
/// <param name="Media">nvme, ssd or hdd.</param>
/// <param name="Usage">cache or capacity.</param>
internal sealed record DiskGroup(string Media, string Usage, DiskState State, int Count);
