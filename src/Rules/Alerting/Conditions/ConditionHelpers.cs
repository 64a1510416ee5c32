using System.Globalization;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>Small pieces the conditions share.</summary>
internal static class ConditionHelpers
{
    public static Dictionary<string, string> Details(params (string Key, string Value)[] pairs)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            details[k] = v;
        }

        return details;
    }

    /// <summary>The labels of <paramref name="series"/> restricted to <paramref name="keep"/>.</summary>
    public static LabelSet Subject(TimeSeries series, params string[] keep) =>
        LabelSet.From(series.Labels.Where(l => keep.Contains(l.Key, StringComparer.Ordinal)));

    /// <summary>Invariant number formatting for PromQL and annotations.</summary>
    public static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage: 0.834 → "83%".</summary>
    public static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Seconds as milliseconds: 0.0007 → "0.70 ms".</summary>
    public static string Millis(double seconds) => (seconds * 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A duration for people: 7 min, 1 h 5 min, 45 s.</summary>
    public static string Human(TimeSpan value) => value.TotalSeconds switch
    {
        < 90 => $"{value.TotalSeconds:0} s",
        < 5400 => $"{value.TotalMinutes:0} min",
        < 172800 => $"{(int)value.TotalHours} h {value.Minutes} min",
        _ => $"{value.TotalDays:0.#} days",
    };

    /// <summary>Number of distinct nodes the cluster knows of (membership reports and self-reports).</summary>
    public static int NodeCount(EvaluationContext context)
    {
        var nodes = new HashSet<string>(context.Cluster.NodeLastSelfReportMs.Keys, StringComparer.Ordinal);
        foreach (var series in context.Fresh(CatalogNames.NodeState))
        {
            if (series.Labels.Get("node") is { } node)
            {
                nodes.Add(node);
            }
        }

        return nodes.Count;
    }

    public static IEnumerable<string> RequireThreshold(RuleSettings settings, double min, double max)
    {
        if (settings.Threshold is not { } t)
        {
            yield return "needs a threshold";
        }
        else if (t < min || t > max)
        {
            yield return $"threshold {Num(t)} is outside {Num(min)}..{Num(max)}";
        }
    }
}
