namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>A step change from scenario time <paramref name="At"/> on: a new application's VMs and data.</summary>
/// <param name="Cluster">The cluster it applies to; null for every cluster.</param>
internal sealed record GrowthStep(TimeSpan At, int Vms, long StorageBytes, string? Cluster, string? Name);
