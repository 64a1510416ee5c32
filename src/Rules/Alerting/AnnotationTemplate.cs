using System.Text;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>Fills <c>{name}</c> placeholders from labels, then details; unknown placeholders stay as written.</summary>
public static class AnnotationTemplate
{
    public static string Render(string template, LabelSet labels, IReadOnlyDictionary<string, string> details)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(details);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var key = template.Substring(open + 1, close - open - 1);
            var value = labels.Get(key) ?? details.GetValueOrDefault(key) ?? Alias(key, labels);
            sb.Append(value ?? template.Substring(open, close - open + 1));
            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Placeholders renamed since a policy was written: <c>{job}</c> was the repair job's label before it became
    /// <c>repair_job</c> (Prometheus reserves <c>job</c>), so policies written then keep rendering the job's name.
    /// </summary>
    private static string? Alias(string key, LabelSet labels) =>
        key == "job" ? labels.Get(Telemetry.PrometheusNaming.RepairJobLabel) : null;
}
