namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>One node's memory: installed and in use (VMs plus host).</summary>
public sealed record NodeMemory(string Node, double SizeBytes, double UsedBytes);
