using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// The inhibition stage: applies the policy's inhibit rules to one alert given the cluster's active (pending and
/// firing) alerts. Immutable, built once per policy. Works on label sets only: muting never changes them.
/// </summary>
public sealed class Inhibitor
{
    private readonly IReadOnlyList<InhibitRule> _rules;

    public Inhibitor(IReadOnlyList<InhibitRule> rules) => _rules = rules;

    /// <summary>The inhibiting alert ("AzLocalNodeDown (n2)"), or null.</summary>
    public string? MutedBy(LabelSet target, IReadOnlyList<LabelSet> sources)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sources);
        var name = target.Get("alertname");
        foreach (var rule in _rules)
        {
            if (name == rule.Source || (rule.Targets.Count > 0 && !rule.Targets.Contains(name ?? string.Empty, StringComparer.Ordinal)) ||
                !rule.TargetMatchers.All(m => m.Matches(target)))
            {
                continue;
            }

            foreach (var source in sources)
            {
                if (source.Get("alertname") == rule.Source && rule.Equal.All(l => source.Get(l) == target.Get(l)))
                {
                    return source.Get("node") is { } node ? $"{rule.Source} ({node})" : rule.Source;
                }
            }
        }

        return null;
    }
}
