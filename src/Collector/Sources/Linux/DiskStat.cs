namespace AzLocalMonitor.Collector.Sources.Linux;

/// <summary>One line of /proc/diskstats: cumulative completed I/Os and the milliseconds spent on them.</summary>
internal readonly record struct DiskStat(string Name, ulong Reads, ulong ReadMilliseconds, ulong Writes, ulong WriteMilliseconds);
