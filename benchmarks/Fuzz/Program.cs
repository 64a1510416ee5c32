using System.Globalization;
using AzLocalMonitor.Fuzz;

// dotnet run -c Release --project benchmarks/Fuzz -- [--inputs N] [--seed S]   (docs/fuzzing.md)
var inputs = 100_000;
var seed = 12;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--inputs":
            inputs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; usage: [--inputs N] [--seed S]");
            return 2;
    }
}

Console.WriteLine($"fuzz: {inputs} inputs, seed {seed}");
var report = await FuzzHarness.RunAsync(new FuzzOptions(inputs, seed), Console.Out);
Console.Write(report.Summary());
return report.Passed ? 0 : 1;
