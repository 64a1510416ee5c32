namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>A Repair / Regeneration storage job, running or waiting.</summary>
/// <param name="State">running, suspended or queued (the catalog's repair states).</param>
internal sealed record RepairJob(string Name, long SizeBytes, long ProcessedBytes, string State = "running");
