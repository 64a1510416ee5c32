using System.Globalization;
using AzLocalMonitor.Ingest.LoadHarness;

// End-to-end ingest load harness; see HarnessOptions.Usage and docs/benchmarks.md.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
    if (options.Has("--help") || options.Has("-h"))
    {
        Console.WriteLine(HarnessOptions.Usage);
        return 0;
    }

    if (options.Text("--mode") == "chart")
    {
        return CostChart.Write(options.Text("--input") ?? throw new ArgumentException("--input FILE needed"), options.Text("--output") ?? throw new ArgumentException("--output FILE needed"));
    }

    if (options.Text("--rules") is null || options.Text("--rules-pid") is null)
    {
        throw new ArgumentException("--rules URL and --rules-pid PID are required (see --help)");
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var run = new HarnessRun(options);
return options.Text("--mode", "peers") switch
{
    "peers" => await run.PeersAsync(),
    "fleet" => await run.FleetAsync(),
    var other => Fail($"--mode must be peers or fleet, not '{other}'"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}

/// <summary>Formatting shared by the rows.</summary>
internal static class Format
{
    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
