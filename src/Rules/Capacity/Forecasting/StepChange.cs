namespace AzLocalMonitor.Rules.Capacity.Forecasting;

/// <summary>A detected level shift (a new workload, a volume created): where the new regime starts and by how much.</summary>
/// <param name="Index">Index of the first point of the new regime.</param>
/// <param name="Jump">Level of the new regime's line minus the old line extrapolated, at <paramref name="Index"/>.</param>
/// <param name="NoiseStdDev">Residual standard deviation around the two-line fit.</param>
public sealed record StepChange(int Index, double Jump, double NoiseStdDev);
