namespace AzLocalMonitor.Capacity.Benchmarks;

/// <summary>Seeded normal deviates (Box-Muller).</summary>
public static class Gaussian
{
    public static double Next(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
