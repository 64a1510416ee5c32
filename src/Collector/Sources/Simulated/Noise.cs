namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Seeded, stateless noise: a hash of (seed, node, metric, second). The same scenario and seed give the same
/// values at the same scenario time, however often or from whichever thread they are read.
/// </summary>
internal static class Noise
{
    /// <summary>A value in [-1, 1].</summary>
    public static double At(int seed, int node, int metric, TimeSpan time)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL
            ^ (ulong)node * 0xBF58476D1CE4E5B9UL
            ^ (ulong)metric * 0x94D049BB133111EBUL
            ^ (ulong)(long)Math.Floor(time.TotalSeconds));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (2.0 / (1UL << 53)) - 1.0;
    }
}
