namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>The storage layout of a cluster: identical nodes, each with some capacity drives.</summary>
/// <param name="Nodes">Number of nodes (1..16).</param>
/// <param name="CapacityDrivesPerNode">Capacity drives per node (cache drives are not pool capacity).</param>
/// <param name="CapacityDriveBytes">Size of one capacity drive, bytes.</param>
/// <param name="Media">All-flash or hybrid.</param>
public sealed record ClusterLayout(int Nodes, int CapacityDrivesPerNode, double CapacityDriveBytes, MediaKind Media = MediaKind.AllFlash)
{
    /// <summary>Raw pool size: every capacity drive of every node.</summary>
    public double RawBytes => Nodes * CapacityDrivesPerNode * CapacityDriveBytes;

    /// <summary>Raw capacity of one node.</summary>
    public double NodeRawBytes => CapacityDrivesPerNode * CapacityDriveBytes;
}
