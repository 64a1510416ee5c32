namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>The raw pool space one volume occupies: size / efficiency of the resiliency S2D actually uses.</summary>
/// <param name="Volume">The volume.</param>
/// <param name="Resiliency">The resolved resiliency (null when impossible on this cluster).</param>
/// <param name="FootprintBytes">Raw bytes occupied (NaN when impossible).</param>
/// <param name="Note">Why, when the resiliency differs from what was asked or cannot be created.</param>
public sealed record VolumeFootprint(VolumeSpec Volume, ResiliencyEfficiency? Resiliency, double FootprintBytes, string Note);
