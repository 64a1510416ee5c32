using System.Globalization;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// The tunable part of a rule, as it applies to one cluster: the policy's defaults with that cluster's overrides
/// applied. Conditions read their threshold and parameters from here, never from constants.
/// </summary>
/// <param name="Enabled">False: the rule is not evaluated for the cluster.</param>
/// <param name="Threshold">The condition's main threshold (ratio, seconds...), when it has one.</param>
/// <param name="For">How long the condition must hold before the alert fires.</param>
/// <param name="KeepFiringFor">How long a firing alert stays firing after the condition stops (hysteresis).</param>
/// <param name="Parameters">Further condition parameters (e.g. <c>rto: 15m</c>, <c>storage: 0.0005</c>).</param>
public sealed record RuleSettings(
    bool Enabled,
    double? Threshold,
    TimeSpan For,
    TimeSpan KeepFiringFor,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Settings with no threshold and no parameters.</summary>
    public static RuleSettings Of(TimeSpan forDuration, TimeSpan keepFiringFor = default, double? threshold = null) =>
        new(true, threshold, forDuration, keepFiringFor, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The threshold, or <paramref name="fallback"/> when none is set.</summary>
    public double ThresholdOr(double fallback) => Threshold ?? fallback;

    /// <summary>A numeric parameter, or <paramref name="fallback"/>.</summary>
    public double Number(string key, double fallback) =>
        Parameters.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A duration parameter (<c>90s</c>, <c>15m</c>, <c>2h</c>), or <paramref name="fallback"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback) =>
        Parameters.TryGetValue(key, out var text) && Policy.DurationText.TryParse(text, out var value) ? value : fallback;

    /// <summary>These settings with another's explicitly set values laid over them.</summary>
    public RuleSettings With(RuleOverride o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var parameters = new Dictionary<string, string>(Parameters, StringComparer.Ordinal);
        foreach (var (key, value) in o.Parameters)
        {
            parameters[key] = value;
        }

        return new RuleSettings(o.Enabled ?? Enabled, o.Threshold ?? Threshold, o.For ?? For, o.KeepFiringFor ?? KeepFiringFor, parameters);
    }
}
