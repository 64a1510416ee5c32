namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>A running md RAID rebuild from /proc/mdstat (the Linux analogue of an S2D repair job).</summary>
/// <param name="Device">md0, md127...</param>
/// <param name="Action">recovery (rebuilding onto a replaced disk), resync or reshape.</param>
/// <param name="DoneBytes">Bytes processed (mdstat counts 1 KiB blocks).</param>
/// <param name="TotalBytes">Bytes to process.</param>
internal sealed record MdResync(string Device, string Action, long DoneBytes, long TotalBytes)
{
    public string JobName => $"{Device} {Action}";
}
