namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>
/// I/O of the whole disks between two /proc/diskstats readings: average seconds per read and per write
/// (Δms / Δops, like iostat's r_await and w_await) and running totals of operations. Disks that appear are counted
/// from their second reading; disks that disappear simply stop adding; counters that go back (a device re-created)
/// restart the device's baseline. The totals therefore never decrease.
/// </summary>
internal sealed class DiskActivity
{
    private readonly Dictionary<string, DiskStat> _previous = new(StringComparer.Ordinal);

    /// <summary>Reads since the first reading, over every whole disk.</summary>
    public long TotalReads { get; private set; }

    /// <summary>Writes since the first reading, over every whole disk.</summary>
    public long TotalWrites { get; private set; }

    /// <summary>Average seconds per read in the last interval; null when no read completed.</summary>
    public double? ReadLatencySeconds { get; private set; }

    /// <summary>Average seconds per write in the last interval; null when no write completed.</summary>
    public double? WriteLatencySeconds { get; private set; }

    /// <summary>Folds in a new reading; <paramref name="isWholeDisk"/> excludes partitions and virtual devices.</summary>
    public void Update(IEnumerable<DiskStat> disks, Func<string, bool> isWholeDisk)
    {
        ArgumentNullException.ThrowIfNull(disks);
        ArgumentNullException.ThrowIfNull(isWholeDisk);
        ulong reads = 0, readMs = 0, writes = 0, writeMs = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var disk in disks)
        {
            if (!isWholeDisk(disk.Name) || !seen.Add(disk.Name))
            {
                continue;
            }

            if (_previous.TryGetValue(disk.Name, out var before)
                && disk.Reads >= before.Reads && disk.Writes >= before.Writes
                && disk.ReadMilliseconds >= before.ReadMilliseconds && disk.WriteMilliseconds >= before.WriteMilliseconds)
            {
                reads += disk.Reads - before.Reads;
                readMs += disk.ReadMilliseconds - before.ReadMilliseconds;
                writes += disk.Writes - before.Writes;
                writeMs += disk.WriteMilliseconds - before.WriteMilliseconds;
            }

            _previous[disk.Name] = disk;
        }

        foreach (var gone in _previous.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _previous.Remove(gone);
        }

        TotalReads += (long)reads;
        TotalWrites += (long)writes;
        ReadLatencySeconds = reads > 0 ? readMs / 1000.0 / reads : null;
        WriteLatencySeconds = writes > 0 ? writeMs / 1000.0 / writes : null;
    }

    /// <summary>Loop, RAM, zram, floppy and optical devices are never storage latency.</summary>
    public static bool IsVirtual(string name) =>
        name.StartsWith("loop", StringComparison.Ordinal) || name.StartsWith("ram", StringComparison.Ordinal)
        || name.StartsWith("zram", StringComparison.Ordinal) || name.StartsWith("fd", StringComparison.Ordinal)
        || name.StartsWith("sr", StringComparison.Ordinal);
}
