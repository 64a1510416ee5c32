namespace AzLocalMonitor.Rules.Tests.Capacity;

/// <summary>Known-truth series for forecast tests: trend, weekly season, steps and Gaussian noise, seeded.</summary>
internal static class Synthetic
{
    public static double[] Series(int length, Func<int, double> truth, double noise, int seed)
    {
        var random = new Random(seed);
        var y = new double[length];
        for (var i = 0; i < length; i++)
        {
            y[i] = truth(i) + (noise * Gaussian(random));
        }

        return y;
    }

    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Weekly(int i, double amplitude) => amplitude * Math.Sin(2 * Math.PI * i / 7.0);
}
