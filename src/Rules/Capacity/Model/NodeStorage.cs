namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>One node's capacity-drive bytes, and its site in a stretched cluster (null when the cluster has one site).</summary>
public sealed record NodeStorage(string Node, double RawBytes, string? Site = null);
