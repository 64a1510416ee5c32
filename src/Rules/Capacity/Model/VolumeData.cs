namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>A volume's data (bytes the pool must keep copies or parity of) and its resiliency.</summary>
/// <param name="Name">Volume name.</param>
/// <param name="DataBytes">Data held: the volume's size when fixed-provisioned, what is written when thin.</param>
/// <param name="Resiliency">Resiliency it was created with.</param>
public sealed record VolumeData(string Name, double DataBytes, Resiliency Resiliency);
