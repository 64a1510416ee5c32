namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>A volume as planned.</summary>
/// <param name="SizeBytes">Usable size the volume presents.</param>
/// <param name="UsedFraction">Share of the size written at scenario start (growth adds to it).</param>
/// <param name="Thin">Thin-provisioned: the pool allocates only the footprint of the data written.</param>
internal sealed record VolumeSpec(string Name, Resiliency Resiliency, long SizeBytes, double UsedFraction = 0.45, bool Thin = false);
