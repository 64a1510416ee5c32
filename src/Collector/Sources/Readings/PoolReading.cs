namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>A storage pool (primordial pools excluded).</summary>
internal sealed record PoolReading(string Name, long SizeBytes, long AllocatedBytes, HealthState Health);
