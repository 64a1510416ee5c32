namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>Volumes laid on a cluster: each volume's footprint, the totals, and whether the pool holds them.</summary>
/// <param name="Layout">The cluster.</param>
/// <param name="Volumes">Each volume's footprint.</param>
/// <param name="DataBytes">Sum of volume sizes.</param>
/// <param name="FootprintBytes">Sum of footprints: the raw pool space the volumes need.</param>
/// <param name="AvailableBytes">Raw pool less the reserve.</param>
/// <param name="Fits">True when the footprint fits in raw − reserve.</param>
/// <param name="Notes">Explanations (resiliency substitutions, shortfalls).</param>
public sealed record StoragePlan(
    ClusterLayout Layout,
    IReadOnlyList<VolumeFootprint> Volumes,
    double DataBytes,
    double FootprintBytes,
    double AvailableBytes,
    bool Fits,
    IReadOnlyList<string> Notes);
