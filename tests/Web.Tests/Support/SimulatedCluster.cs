namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>A cluster of the simulated fleet, described by what is wrong with it.</summary>
/// <param name="Name">Cluster name.</param>
/// <param name="Nodes">Its nodes.</param>
/// <param name="DownNodes">Nodes that are down: their peers report them down and they report nothing.</param>
/// <param name="Quorum">Whether the cluster reports quorum.</param>
/// <param name="Witness">Witness type: cloud, fileshare or none.</param>
/// <param name="DegradedVolume">A volume reported degraded while a repair job runs, or null.</param>
public sealed record SimulatedCluster(string Name, string[] Nodes, string[] DownNodes, bool Quorum, string Witness, string? DegradedVolume);
