using System.Text;
using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Alerting.Conditions;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>
/// Writes the policy as Prometheus alerting rules, for teams that evaluate in Prometheus: one rule per policy
/// alert, its condition's PromQL over the series Rules exposes, the same <c>for</c>, <c>keep_firing_for</c>,
/// severity and annotations (placeholders become Go templates). Generated from the one policy, so the two cannot
/// drift; maintenance windows and inhibition are applied by Alertmanager's inhibit rules and Rules' own series.
/// </summary>
public static partial class PrometheusRulesWriter
{
    private static readonly HashSet<string> LabelPlaceholders = new(StringComparer.Ordinal)
    {
        "cluster", "node", "volume", "pool", "repair_job", "network", "peer", "op", "media", "usage", "window",
    };

    /// <summary>The rules file text for <paramref name="policy"/>.</summary>
    public static string Write(AlertPolicy policy, string generatedBy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sb = new StringBuilder();
        sb.Append("# Generated from the AzLocalMonitor alerting policy by `").Append(generatedBy).Append("`. Do not edit:\n");
        sb.Append("# change deploy/rules/azlocal-policy.yaml and regenerate (a test fails when this file is stale).\n");
        sb.Append("# For the Prometheus-only topology (deploy/prometheus-only/prometheus.yml, Rules without Alertmanager:Url).\n");
        sb.Append("# Never load it into a Prometheus beside a Rules that sends to Alertmanager: every incident would page twice,\n");
        sb.Append("# and these rules know no maintenance windows or silences (docs/operations.md, \"Who alerts\").\n");
        sb.Append("groups:\n  - name: azlocalmonitor\n    rules:\n");
        foreach (var rule in policy.Rules)
        {
            var d = rule.Definition;
            if (!d.Settings.Enabled)
            {
                continue;
            }

            sb.Append("      - alert: ").Append(d.Name).Append('\n');
            sb.Append("        expr: ").Append(Quote(rule.Condition.ToPromQl(d.Settings))).Append('\n');
            sb.Append("        for: ").Append(DurationText.Format(d.Settings.For)).Append('\n');
            if (d.Settings.KeepFiringFor > TimeSpan.Zero)
            {
                sb.Append("        keep_firing_for: ").Append(DurationText.Format(d.Settings.KeepFiringFor)).Append('\n');
            }

            sb.Append("        labels:\n          severity: ").Append(d.Severity).Append('\n');
            sb.Append("        annotations:\n");
            sb.Append("          summary: ").Append(Quote(ToGoTemplate(d.Summary, d.Settings))).Append('\n');
            sb.Append("          description: ").Append(Quote(ToGoTemplate(d.Description, d.Settings))).Append('\n');
            sb.Append("          runbook: ").Append(Quote(ToGoTemplate(d.Runbook, d.Settings))).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary><c>{cluster}</c> → <c>{{ $labels.cluster }}</c>; <c>{value}</c> → <c>{{ $value }}</c>; details Prometheus cannot know → "…".</summary>
    public static string ToGoTemplate(string template, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        return Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            if (LabelPlaceholders.Contains(key))
            {
                return "{{ $labels." + key + " }}";
            }

            return key switch
            {
                "value" => "{{ $value }}",
                "threshold" when settings.Threshold is { } t => ConditionHelpers.Num(t),
                "rto" => DurationText.Format(settings.Duration("rto", RebuildSlowCondition.DefaultRto)),
                _ => "…",
            };
        });
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
