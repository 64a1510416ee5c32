namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>Usable capacity of a cluster for one resiliency (docs/capacity.md).</summary>
/// <param name="RawBytes">Pool raw size.</param>
/// <param name="ReserveBytes">Kept unallocated for repair: one capacity drive per node, up to four.</param>
/// <param name="Efficiency">Resiliency efficiency.</param>
/// <param name="BeforeReserveBytes">raw × efficiency: the figure the module's example gives (it leaves out the reserve).</param>
/// <param name="UsableBytes">(raw − reserve) × efficiency.</param>
/// <param name="ForVmsBytes">Usable less the OS and system share (the module's "~1.8 TB for VMs" of 2 TB: 10%).</param>
/// <param name="Resiliency">The resolved resiliency.</param>
public sealed record UsableCapacity(
    double RawBytes,
    double ReserveBytes,
    double Efficiency,
    double BeforeReserveBytes,
    double UsableBytes,
    double ForVmsBytes,
    ResiliencyEfficiency Resiliency);
