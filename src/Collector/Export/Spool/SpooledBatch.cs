namespace AzLocalMonitor.Collector.Export.Spool;

/// <summary>One batch waiting on disk: its sequence number (assigned in export order) and its file.</summary>
internal sealed record SpooledBatch(long Sequence, string Path, long Bytes);
