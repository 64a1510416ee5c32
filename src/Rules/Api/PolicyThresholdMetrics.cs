using System.Globalization;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// <c>azlocal_policy_threshold{cluster, alert, severity, param}</c>: each enabled rule's threshold (<c>param="threshold"</c>)
/// and numeric parameters (latency budgets per network, the rebuild RTO and forecast horizons in seconds) as they
/// apply to each cluster, per-cluster overrides included. Dashboards draw these lines instead of hard-coding budgets,
/// so what a panel shows as "the limit" is what the alert uses.
/// </summary>
public sealed class PolicyThresholdMetrics : IMetricsContributor
{
    public const string Name = "azlocal_policy_threshold";

    private readonly PolicyHolder _policy;
    private readonly SeriesStore _store;

    public PolicyThresholdMetrics(PolicyHolder policy, SeriesStore store)
    {
        _policy = policy;
        _store = store;
    }

    public void WriteTo(PrometheusTextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Family(Name, "gauge", "The alerting policy's threshold (param=threshold) and numeric parameters (budgets; durations in seconds) per cluster and alert.");
        var rules = _policy.Current.Rules;
        foreach (var cluster in _store.Clusters.Select(c => c.Name).Order(StringComparer.Ordinal))
        {
            foreach (var rule in rules)
            {
                var d = rule.Definition;
                var settings = d.SettingsFor(cluster);
                if (!settings.Enabled)
                {
                    continue;
                }

                if (settings.Threshold is { } threshold)
                {
                    writer.Sample(Name, Labels(cluster, d.Name, d.Severity, "threshold"), threshold);
                }

                foreach (var (key, text) in settings.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (Number(text) is { } value)
                    {
                        writer.Sample(Name, Labels(cluster, d.Name, d.Severity, key), value);
                    }
                }
            }
        }
    }

    /// <summary>A parameter as a number: plain (<c>0.0005</c>) or a duration in seconds (<c>15m</c>); null otherwise.</summary>
    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : DurationText.TryParse(text, out var duration) ? duration.TotalSeconds
        : null;

    private static LabelSet Labels(string cluster, string alert, string severity, string param) =>
        LabelSet.Of("cluster", cluster, "alert", alert, "severity", severity, "param", param);
}
