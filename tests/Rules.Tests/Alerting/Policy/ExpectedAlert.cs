using System.Globalization;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>
/// An alert the oracle expects firing at the end of a <see cref="PolicyCase"/>, written by hand from docs/reference/metrics.md–§4
/// (the alert's identity labels: cluster plus the subject — node, volume, pool, job, ...) and the case's data, never
/// from Rules' answers. <see cref="Value"/> is given where an annotation shows the value ({value}).
/// </summary>
public sealed record ExpectedAlert(string Severity, IReadOnlyDictionary<string, string> Labels, double? Value)
{
    /// <summary>Every case reports as cluster c1.</summary>
    public const string Cluster = "c1";

    public static ExpectedAlert Critical(params (string Label, string Value)[] labels) => new("critical", With(labels), null);

    public static ExpectedAlert Warning(params (string Label, string Value)[] labels) => new("warning", With(labels), null);

    public static ExpectedAlert Info(params (string Label, string Value)[] labels) => new("info", With(labels), null);

    public ExpectedAlert Valued(double value) => this with { Value = value };

    /// <summary>Every label but alertname: cluster, the subject's labels and severity, sorted (as an alert's label set).</summary>
    public SortedDictionary<string, string> AllLabels()
    {
        var all = new SortedDictionary<string, string>(Labels.ToDictionary(), StringComparer.Ordinal) { ["severity"] = Severity };
        return all;
    }

    public override string ToString() =>
        "{" + string.Join(", ", AllLabels().Select(l => $"{l.Key}={l.Value}")) + "}" + (Value is { } v ? " = " + v.ToString("R", CultureInfo.InvariantCulture) : string.Empty);

    private static Dictionary<string, string> With((string Label, string Value)[] labels)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["cluster"] = Cluster };
        foreach (var (label, value) in labels)
        {
            all[label] = value;
        }

        return all;
    }
}
