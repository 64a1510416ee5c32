using System.Globalization;
using AzLocalMonitor.Rules.Capacity.Forecasting;
using AzLocalMonitor.Rules.Cli;

namespace AzLocalMonitor.Capacity.Benchmarks;

/// <summary>
/// Side by side with R's forecast package on the same cuts (written by r/forecast-peers.R): each cut's history is
/// read through the CLI's input path, forecast by ours and by the least-squares line; R's ets, auto.arima and
/// thetaf forecasts are read from its CSV. Prints every method's MAPE as a ratio to the line's (per series, mean over
/// its cuts; overall, mean and geometric mean over every cut) and P10–P90 coverage of what happened.
/// </summary>
public static class RComparison
{
    private static readonly string[] Peers = ["ets", "auto.arima", "thetaf"];

    public static int Run(string dir)
    {
        var inv = CultureInfo.InvariantCulture;
        var methods = new[] { "ours" }.Concat(Peers).ToArray();
        var ratios = methods.ToDictionary(m => m, _ => new List<double>());
        var inside = methods.ToDictionary(m => m, _ => 0);
        var points = 0;
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySeries = new SortedDictionary<string, Dictionary<string, List<double>>>(StringComparer.Ordinal);
        foreach (var train in Directory.GetFiles(dir, "train-*.csv").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(train)["train-".Length..];
            var name = id[..id.LastIndexOf('-')];
            var actual = ReadColumn(Path.Combine(dir, $"test-{id}.csv"), 1);
            var h = actual.Length;
            var series = TimeValueCsv.Read(train);
            var ours = Forecaster.Forecast(series.Values, new ForecastOptions(h, series.Grid.Cadence.Season));
            chosen[ours.Method] = chosen.GetValueOrDefault(ours.Method) + 1;
            var line = new LinearTrendModel().Forecast(series.Values, h).Mean;
            var forecasts = new Dictionary<string, (double[] Mean, double[] Lo, double[] Hi)>(StringComparer.Ordinal) { ["ours"] = (ours.P50, ours.P10, ours.P90) };
            foreach (var peer in Peers)
            {
                forecasts[peer] = ReadPeer(Path.Combine(dir, $"r-{id}.csv"), peer, h);
            }

            var lineMape = Mape(actual, line);
            var perSeries = bySeries.TryGetValue(name, out var d) ? d : bySeries[name] = methods.ToDictionary(m => m, _ => new List<double>());
            foreach (var m in methods)
            {
                var (mean, lo, hi) = forecasts[m];
                var ratio = Mape(actual, mean) / lineMape;
                ratios[m].Add(ratio);
                perSeries[m].Add(ratio);
                inside[m] += actual.Where((a, i) => a >= lo[i] && a <= hi[i]).Count();
            }

            points += h;
        }

        Console.WriteLine("MAPE / MAPE of the least-squares line on the same history (lower is better; mean over each series' cuts)");
        Console.WriteLine($"{"series",-16} " + string.Join(" ", methods.Select(m => $"{m,10}")));
        foreach (var (name, per) in bySeries)
        {
            Console.WriteLine($"{name,-16} " + string.Join(" ", methods.Select(m => string.Create(inv, $"{per[m].Average(),10:F3}"))));
        }

        Console.WriteLine($"{"mean (all cuts)",-16} " + string.Join(" ", methods.Select(m => string.Create(inv, $"{ratios[m].Average(),10:F3}"))));
        Console.WriteLine($"{"geometric mean",-16} " + string.Join(" ", methods.Select(m => string.Create(inv, $"{Math.Exp(ratios[m].Average(Math.Log)),10:F3}"))));
        Console.WriteLine($"{"P10-P90 held",-16} " + string.Join(" ", methods.Select(m => string.Create(inv, $"{(double)inside[m] / points,10:P1}"))));
        var ets = ratios["ets"].Average();
        var ourMean = ratios["ours"].Average();
        Console.WriteLine(string.Create(inv, $"{ratios["ours"].Count} cuts, {points} held-out points. ours / ets (mean ratio) = {ourMean / ets:F3} (target <= 0.9); methods chosen: ") +
            string.Join(", ", chosen.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}")));
        return 0;
    }

    private static double Mape(double[] actual, double[] forecast) => actual.Select((a, i) => Math.Abs(a - forecast[i]) / Math.Abs(a)).Average() * 100;

    private static double[] ReadColumn(string path, int column) =>
        [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture))];

    private static (double[] Mean, double[] Lo, double[] Hi) ReadPeer(string path, string method, int h)
    {
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Where(f => f[0] == method).ToList();
        if (rows.Count != h)
        {
            throw new InvalidDataException($"{path}: {rows.Count} rows for {method}, expected {h}.");
        }

        double Col(string[] f, int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return ([.. rows.Select(f => Col(f, 2))], [.. rows.Select(f => Col(f, 3))], [.. rows.Select(f => Col(f, 4))]);
    }
}
