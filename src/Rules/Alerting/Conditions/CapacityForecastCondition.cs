using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalCapacityForecast: a resource's median forecast (published by the capacity job) crosses its policy within
/// parameter <c>within</c> and not sooner than <c>after</c> — so the warning (within 6 months) and the info (6 to 18
/// months) of the policy never both hold for one resource. A crossing already past (N+1 failing on the live state)
/// counts as now. Same lifecycle, muting and persistence as every alert.
/// </summary>
public sealed class CapacityForecastCondition : IAlertCondition
{
    /// <summary>The capacity job publishes exhaustion dates on /metrics under this name (P50: quantile="0.5").</summary>
    public const string ExhaustionMetric = "azlocal_capacity_exhaustion_timestamp_seconds";

    public string Kind => "capacity_forecast";

    public IReadOnlyCollection<string>? Inputs { get; } = [];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var within = context.Settings.Duration("within", TimeSpan.FromDays(183));
        var after = context.Settings.Duration("after", TimeSpan.Zero);
        foreach (var outlook in context.CapacityOutlook)
        {
            var lead = outlook.CrossesAt > context.Now ? outlook.CrossesAt - context.Now : TimeSpan.Zero; // already crossed: now
            if (lead >= after && lead < within)
            {
                var details = new Dictionary<string, string>(outlook.Details, StringComparer.Ordinal)
                {
                    ["at"] = outlook.CrossesAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["within"] = Human(within),
                };
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "resource", outlook.Resource), outlook.CrossesAt.ToUnixTimeSeconds(), details));
            }

            // The answer changes as the date draws near even without a new forecast.
            context.NoteDeadline(outlook.CrossesAt - within);
            context.NoteDeadline(outlook.CrossesAt - after);
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var within = Num(settings.Duration("within", TimeSpan.FromDays(183)).TotalSeconds);
        var after = Num(settings.Duration("after", TimeSpan.Zero).TotalSeconds);
        var left = $"(max by (cluster, resource) ({ExhaustionMetric}{{quantile=\"0.5\"}}) - time())";
        return $"{left} >= {after} and {left} < {within}";
    }

    public IEnumerable<string> Validate(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Duration("within", TimeSpan.FromDays(183)) <= settings.Duration("after", TimeSpan.Zero))
        {
            yield return "within must be longer than after (e.g. after: 183d, within: 548d)";
        }
    }
}
