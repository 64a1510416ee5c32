using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>
/// AzLocalHealthFault: the Health Service (Azure Local's own diagnosis) reports active faults of one severity
/// (parameter <c>fault_severity</c>: critical, warning or info — the collector maps PerceivedSeverity 2 → info,
/// 3–5 → warning, 6–7 → critical), one alert per fault type. Fault types our own alerts already say (parameter
/// <c>covered</c>: comma-separated types after <c>Microsoft.Health.FaultType.</c>, each also covering its
/// sub-types) are left out, so one failure never pages twice (Server.Down is AzLocalNodeDown, PhysicalDisk.FailedMedia
/// is AzLocalPhysicalDiskFailed, ...).
/// </summary>
public sealed partial class HealthFaultCondition : IAlertCondition
{
    public const string TypePrefix = "Microsoft.Health.FaultType.";

    private static readonly string[] Severities = ["critical", "warning", "info"];

    public string Kind => "health_fault";

    public IReadOnlyCollection<string>? Inputs { get; } = [CatalogNames.HealthFaults];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        var severity = Severity(context.Settings);
        var covered = Covered(context.Settings);
        foreach (var series in context.Fresh(CatalogNames.HealthFaults))
        {
            var type = series.Labels.Get("type") ?? string.Empty;
            if (series.Value > 0 && series.Labels.Get("severity") == severity && !IsCovered(type, covered))
            {
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "fault_type", type), series.Value,
                    Details(("count", Num(series.Value)), ("fault", Short(type)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var covered = Covered(settings);
        var exclude = covered.Count == 0 ? string.Empty
            : $", type!~\"{Regex.Escape(TypePrefix).Replace("\\", "\\\\", StringComparison.Ordinal)}({string.Join("|", covered.Select(c => Regex.Escape(c).Replace("\\", "\\\\", StringComparison.Ordinal)))})(\\\\..*)?\"";
        var selector = $"{CatalogNames.HealthFaults}{{severity=\"{Severity(settings)}\"{exclude}}}";
        return $"max without (type) (label_replace(max by (cluster, type) ({selector}) > 0, \"fault_type\", \"$1\", \"type\", \"(.*)\"))";
    }

    public IEnumerable<string> Validate(RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Parameters.TryGetValue("fault_severity", out var s) || !Severities.Contains(s, StringComparer.Ordinal))
        {
            yield return "needs params.fault_severity: critical, warning or info (the Health Service fault severity this rule raises)";
        }

        foreach (var c in Covered(settings).Where(c => !FaultTypeName().IsMatch(c)))
        {
            yield return $"covered fault type '{c}' is not a fault type name such as PhysicalDisk.FailedMedia";
        }
    }

    /// <summary>True when <paramref name="type"/> is one of <paramref name="covered"/> or a sub-type of one.</summary>
    public static bool IsCovered(string type, IReadOnlyList<string> covered)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(covered);
        var name = Short(type);
        return covered.Any(c => name == c || name.StartsWith(c + ".", StringComparison.Ordinal));
    }

    private static string Short(string type) => type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : type;

    private static string Severity(RuleSettings settings) => settings.Parameters.GetValueOrDefault("fault_severity", "critical");

    private static List<string> Covered(RuleSettings settings) =>
        [.. settings.Parameters.GetValueOrDefault("covered", string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FaultTypeName();
}
