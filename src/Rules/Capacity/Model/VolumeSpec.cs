namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>A volume as planned or reported: name, size (the data it can hold) and resiliency.</summary>
public sealed record VolumeSpec(string Name, double SizeBytes, Resiliency Resiliency);
