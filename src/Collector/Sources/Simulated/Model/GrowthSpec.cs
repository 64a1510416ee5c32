namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// How a cluster's load grows over months: linear trends (per 30.4-day month, as a share of the starting value),
/// weekly and yearly seasonality (amplitudes), daily noise, and step changes such as a new application.
/// </summary>
internal sealed record GrowthSpec
{
    /// <summary>No growth beyond a slow storage trend (so capacity panels have a slope).</summary>
    public static GrowthSpec Default { get; } = new();

    /// <summary>Data written per month, as a share of the data at start. Default 5%.</summary>
    public double StoragePerMonth { get; init; } = 0.05;

    /// <summary>VMs added per month, as a share of the VMs at start.</summary>
    public double VmsPerMonth { get; init; }

    /// <summary>Memory per VM added per month, as a share.</summary>
    public double MemoryPerMonth { get; init; }

    /// <summary>Amplitude of the weekly cycle of load and VM count (0.1 = ±10%).</summary>
    public double Weekly { get; init; }

    /// <summary>Amplitude of the yearly cycle (0.05 = ±5%).</summary>
    public double Yearly { get; init; }

    /// <summary>Amplitude of day-to-day noise (seeded).</summary>
    public double Noise { get; init; } = 0.01;

    public IReadOnlyList<GrowthStep> Steps { get; init; } = [];
}
