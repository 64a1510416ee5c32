using System.Globalization;

namespace AzLocalMonitor.Fuzz;

/// <summary><c>dotnet run -c Release --project benchmarks/Fuzz -- [--inputs N] [--seed S]</c> (docs/fuzzing.md). Exit 1 on any finding.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var inputs = 100_000;
        var seed = 12;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--inputs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    inputs = n;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"bad option '{args[i]}'; usage: [--inputs N] [--seed S]").ConfigureAwait(false);
                    return 2;
            }
        }

        Console.WriteLine($"fuzz: {inputs} inputs, seed {seed}");
        var report = await FuzzHarness.RunAsync(new FuzzOptions(inputs, seed), Console.Out).ConfigureAwait(false);
        Console.Write(report.Summary());
        return report.Passed ? 0 : 1;
    }
}
