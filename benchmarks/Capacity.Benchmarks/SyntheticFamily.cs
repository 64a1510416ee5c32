namespace AzLocalMonitor.Capacity.Benchmarks;

/// <summary>A family of known-truth daily series: given the history length and a seeded random, the noise-free truth for day i; and the noise level.</summary>
public sealed record SyntheticFamily(string Name, Func<int, Random, Func<int, double>> Truth, double Noise)
{
    /// <summary>The families benchmarked: the shapes capacity series take.</summary>
    public static IReadOnlyList<SyntheticFamily> All { get; } =
    [
        new("linear trend", (_, r) => { var slope = 0.2 + r.NextDouble(); return i => 100 + (slope * i); }, 5),
        new("trend + weekly season", (_, r) => { var a = 5 + (10 * r.NextDouble()); return i => 100 + (0.3 * i) + (a * Math.Sin(2 * Math.PI * i / 7)); }, 2),
        new("saturating growth", (_, r) => { var k = 0.005 + (0.01 * r.NextDouble()); return i => 1000 * (1 - Math.Exp(-k * i)); }, 3),
        new("step (new workload) + trend", (n, r) => { var at = (int)(n * (0.55 + (0.3 * r.NextDouble()))); return i => 100 + (0.2 * i) + (i >= at ? 150 : 0); }, 4),
        new("flat + noise", (_, _) => _ => 500, 10),
    ];
}
