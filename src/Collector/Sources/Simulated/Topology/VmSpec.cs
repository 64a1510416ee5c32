namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>The cluster's VMs at scenario start (growth changes the count and memory).</summary>
/// <param name="Count">VMs across the cluster.</param>
/// <param name="MemoryBytes">Memory assigned to each VM.</param>
/// <param name="Vcpus">Virtual processors per VM.</param>
/// <param name="CpuLoad">Average busy share of each vCPU, 0..1.</param>
internal sealed record VmSpec(int Count, long MemoryBytes, int Vcpus = 4, double CpuLoad = 0.35);
