namespace AzLocalMonitor.Capacity.Benchmarks;

/// <summary>Accumulates errors of the chosen forecast and of the least-squares line, and P10–P90 coverage.</summary>
public sealed class Accuracy
{
    private double _ours;
    private double _line;
    private int _points;
    private int _inside;
    private int _series;
    private int _wins;

    public Dictionary<string, int> Methods { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds one forecast: <paramref name="truth"/> for errors, <paramref name="actual"/> (with noise) for coverage.</summary>
    public void Add(string method, double[] p10, double[] p50, double[] p90, double[] line, double[] truth, double[] actual)
    {
        ArgumentNullException.ThrowIfNull(p50);
        double ours = 0, baseline = 0;
        for (var h = 0; h < p50.Length; h++)
        {
            ours += Math.Abs(p50[h] - truth[h]);
            baseline += Math.Abs(line[h] - truth[h]);
            _inside += actual[h] >= p10[h] && actual[h] <= p90[h] ? 1 : 0;
        }

        _ours += ours;
        _line += baseline;
        _points += p50.Length;
        _series++;
        _wins += ours <= baseline ? 1 : 0;
        Methods[method] = Methods.GetValueOrDefault(method) + 1;
    }

    public double Mae => _ours / _points;

    public double LineMae => _line / _points;

    public double Coverage => (double)_inside / _points;

    public double WinRate => (double)_wins / _series;

    public string MethodSummary => string.Join(", ", Methods.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"));
}
