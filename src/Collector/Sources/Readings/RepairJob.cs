namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>A running Repair / Regeneration storage job.</summary>
internal sealed record RepairJob(string Name, long SizeBytes, long ProcessedBytes);
