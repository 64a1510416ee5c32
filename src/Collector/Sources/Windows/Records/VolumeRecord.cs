namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_Volume (a CSV's file system; its label is the virtual disk's name).</summary>
internal sealed record VolumeRecord
{
    public string? FileSystemLabel { get; init; }

    public long Size { get; init; }

    public long SizeRemaining { get; init; }
}
