namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>root\Microsoft\Windows\Storage MSFT_Volume (a CSV's file system; its label is the virtual disk's name).</summary>
internal sealed record VolumeRecord
{
    public string? FileSystemLabel { get; init; }

    /// <summary>"CSVFS" for a cluster shared volume (also "ReFS", "NTFS" for local volumes).</summary>
    public string? FileSystem { get; init; }

    /// <summary>0x8000 (32768) CSVFS_NTFS, 0x8001 (32769) CSVFS_ReFS; 14 NTFS, 15 ReFS for local volumes (MSFT_Volume MOF).</summary>
    public int FileSystemType { get; init; }

    /// <summary>Whether this is a cluster shared volume (by FileSystem, else by FileSystemType).</summary>
    public bool IsCsv => string.Equals(FileSystem, "CSVFS", StringComparison.OrdinalIgnoreCase) || FileSystemType is 32768 or 32769;

    public long Size { get; init; }

    public long SizeRemaining { get; init; }
}
