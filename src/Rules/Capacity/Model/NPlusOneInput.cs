namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>What the N+1 test needs of a cluster.</summary>
/// <param name="Memory">Every node's memory: installed and in use at peak (VMs plus host).</param>
/// <param name="Storage">Every node's capacity-drive bytes (and site, for stretched clusters).</param>
/// <param name="Volumes">Every volume's data and resiliency.</param>
/// <param name="CpuUtilization">Host CPU busy at peak, mean over the nodes, 0..1 (NaN when unknown). Nodes are symmetric (Azure Local requires it).</param>
/// <param name="Media">All-flash or hybrid (dual parity efficiency depends on it).</param>
public sealed record NPlusOneInput(
    IReadOnlyList<NodeMemory> Memory,
    IReadOnlyList<NodeStorage> Storage,
    IReadOnlyList<VolumeData> Volumes,
    double CpuUtilization = double.NaN,
    MediaKind Media = MediaKind.AllFlash);
