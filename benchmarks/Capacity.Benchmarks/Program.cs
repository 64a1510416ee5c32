using System.Diagnostics;
using System.Globalization;
using AzLocalMonitor.Capacity.Benchmarks;
using AzLocalMonitor.Rules.Capacity.Forecasting;
using AzLocalMonitor.Rules.Cli;

// Capacity forecasting benchmark (docs/benchmarks.md). Usage:
//   dotnet run -c Release --project benchmarks/Capacity.Benchmarks [-- --series 10000 --seeds 40]
//   dotnet run -c Release --project benchmarks/Capacity.Benchmarks -- --compare-r DIR   (see benchmarks/capacity-vs-r.sh)
var inv = CultureInfo.InvariantCulture;
if (Array.IndexOf(args, "--compare-r") is var r and >= 0 && r + 1 < args.Length)
{
    return RComparison.Run(args[r + 1]);
}

var seriesCount = Arg("--series", 10_000);
var seeds = Arg("--seeds", 40);
Console.WriteLine(string.Create(inv, $"Capacity forecasting benchmark: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));

// 1. Synthetic series with known truth: 365 days of history, 90-day horizon; error of the P50 against the noise-free truth.
Console.WriteLine();
Console.WriteLine("1. Synthetic known-truth series (365 daily points, horizon 90 days, season 7), MAE of P50 vs truth");
Console.WriteLine(string.Create(inv, $"{"family",-30} {"MAE",9} {"line MAE",9} {"ratio",6} {"<=line",6} {"P10-P90",8}  methods chosen"));
const int history = 365, horizon = 90;
foreach (var family in SyntheticFamily.All)
{
    var accuracy = new Accuracy();
    for (var seed = 1; seed <= seeds; seed++)
    {
        var random = new Random(seed);
        var truthOf = family.Truth(history, random); // steps fall inside the history (55-85% of it)
        var truth = Enumerable.Range(0, history + horizon).Select(truthOf).ToArray();
        var actual = truth.Select(t => t + (family.Noise * Gaussian.Next(random))).ToArray();
        var result = Forecaster.Forecast(actual.AsSpan(0, history), new ForecastOptions(horizon, Season: 7));
        var line = new LinearTrendModel().Forecast(actual.AsSpan(0, history), horizon).Mean;
        accuracy.Add(result.Method, result.P10, result.P50, result.P90, line, truth[history..], actual[history..]);
    }

    Console.WriteLine(string.Create(inv,
        $"{family.Name,-30} {accuracy.Mae,9:F2} {accuracy.LineMae,9:F2} {accuracy.Mae / accuracy.LineMae,6:F2} {accuracy.WinRate,6:P0} {accuracy.Coverage,8:P0}  {accuracy.MethodSummary}"));
}

// 2. A real public series: Mauna Loa monthly CO2 (data/README.md), rolling origins every 24 months, horizon 24 months.
Console.WriteLine();
Console.WriteLine("2. Real series: Mauna Loa monthly CO2 1964-2020 (672 months), 12 rolling origins, horizon 24 months, season 12");
var co2 = TimeValueCsv.Read(Path.Combine(AppContext.BaseDirectory, "data", "co2-mauna-loa-monthly.csv")).Values;
var real = new Accuracy();
for (var origin = co2.Length - 24; origin >= co2.Length - (24 * 12); origin -= 24)
{
    var result = Forecaster.Forecast(co2.AsSpan(0, origin), new ForecastOptions(24, Season: 12));
    var line = new LinearTrendModel().Forecast(co2.AsSpan(0, origin), 24).Mean;
    var future = co2[origin..(origin + 24)];
    real.Add(result.Method, result.P10, result.P50, result.P90, line, future, future);
}

Console.WriteLine(string.Create(inv, $"MAE {real.Mae:F3} ppm vs least-squares line {real.LineMae:F3} ppm (ratio {real.Mae / real.LineMae:F2}); " +
    $"no worse than the line at {real.WinRate:P0} of origins; P10-P90 held {real.Coverage:P0} of outcomes; methods: {real.MethodSummary}"));

// 3. Time to forecast N series of 18 months of daily points (548) over an 18-month horizon (548 steps).
Console.WriteLine();
Console.WriteLine(string.Create(inv, $"3. Time to forecast {seriesCount} series of 548 daily points, horizon 548 days (backtest, 3 models, step detection)"));
var inputs = new double[seriesCount][];
for (var s = 0; s < seriesCount; s++)
{
    var family = SyntheticFamily.All[s % SyntheticFamily.All.Count];
    var random = new Random(1000 + s);
    var truthOf = family.Truth(548, random);
    inputs[s] = Enumerable.Range(0, 548).Select(i => truthOf(i) + (family.Noise * Gaussian.Next(random))).ToArray();
}

for (var s = 0; s < Math.Min(300, seriesCount); s++)
{
    Forecaster.Forecast(inputs[s], new ForecastOptions(548, Season: 7)); // warm-up: let tiered JIT reach optimised code
}

var sequential = Math.Min(500, seriesCount);
var watch = Stopwatch.StartNew();
for (var s = 0; s < sequential; s++)
{
    Forecaster.Forecast(inputs[s], new ForecastOptions(548, Season: 7));
}

var perSeries = watch.Elapsed.TotalMilliseconds / sequential;
// CPU time as well as wall time: on a shared machine the wall clock measures the other processes too; CPU seconds
// over the cores is what the same work takes on an idle machine with those cores.
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
watch.Restart();
Parallel.For(0, seriesCount, s => Forecaster.Forecast(inputs[s], new ForecastOptions(548, Season: 7)));
var parallel = watch.Elapsed;
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
Console.WriteLine(string.Create(inv, $"one thread: {perSeries:F2} ms per series ({sequential} series timed) => {perSeries * seriesCount / 1000:F1} s for {seriesCount}"));
Console.WriteLine(string.Create(inv, $"all {Environment.ProcessorCount} CPUs (Parallel.For): {parallel.TotalSeconds:F1} s wall for {seriesCount} series; {cpu.TotalSeconds:F1} CPU-seconds ({cpu.TotalMilliseconds / seriesCount:F2} ms per series) => {cpu.TotalSeconds / Environment.ProcessorCount:F1} s on {Environment.ProcessorCount} idle CPUs"));
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
