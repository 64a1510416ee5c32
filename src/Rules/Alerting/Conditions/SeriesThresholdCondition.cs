using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// The common shape "a gauge above (or below) a threshold", one alert per series subject: AzLocalCpuHigh,
/// AzLocalMemoryHigh, AzLocalStorageLatencyHigh. The subject keeps the series' identifying labels.
/// </summary>
public class SeriesThresholdCondition : IAlertCondition
{
    private readonly string _metric;
    private readonly bool _above;
    private readonly string[] _subjectLabels;
    private readonly Func<double, string> _format;
    private readonly double _max;

    public SeriesThresholdCondition(string kind, string metric, bool above, string[] subjectLabels, Func<double, string> format, double max)
    {
        Kind = kind;
        _metric = metric;
        Inputs = [metric, CatalogNames.DiskCount];
        _above = above;
        _subjectLabels = subjectLabels;
        _format = format;
        _max = max;
    }

    public string Kind { get; }

    /// <summary>The gauge, and disk counts (which decide where the cache hit ratio applies).</summary>
    public IReadOnlyCollection<string>? Inputs { get; }

    public virtual void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var threshold = context.Settings.ThresholdOr(double.NaN);
        foreach (var series in context.Fresh(_metric))
        {
            if (Breaches(series.Value, threshold) && Applies(context, series))
            {
                candidates.Add(new AlertCandidate(Subject(series, _subjectLabels), series.Value,
                    Details(("value", _format(series.Value)), ("threshold", _format(threshold)))));
            }
        }
    }

    public virtual string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"max by ({string.Join(", ", _subjectLabels)}) ({_metric}) {(_above ? ">" : "<")} {Num(settings.ThresholdOr(double.NaN))}";
    }

    public IEnumerable<string> Validate(RuleSettings settings) => RequireThreshold(settings, 0, _max);

    /// <summary>Further restriction on which series count (e.g. hybrid nodes only).</summary>
    protected virtual bool Applies(EvaluationContext context, Series.TimeSeries series) => true;

    private bool Breaches(double value, double threshold) => _above ? value > threshold : value < threshold;
}
