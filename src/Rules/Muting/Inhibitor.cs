using AzLocalMonitor.Rules.Alerting;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Applies the policy's inhibit rules to the pending and firing alerts of a cluster (PRODUCT.md §4: QuorumLost mutes the rest of its cluster; NodeDown mutes
/// that node's own alerts and the cluster's StorageDegraded and RebuildInProgress — one incident, one page).
/// </summary>
public sealed class Inhibitor : IAlertMuter
{
    private readonly IReadOnlyList<InhibitRule> _rules;

    public Inhibitor(IReadOnlyList<InhibitRule> rules) => _rules = rules;

    public string? MutedBy(Alert alert, IReadOnlyList<Alert> active)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(active);
        foreach (var rule in _rules)
        {
            if (alert.Name == rule.Source || (rule.Targets.Count > 0 && !rule.Targets.Contains(alert.Name, StringComparer.Ordinal)))
            {
                continue;
            }

            foreach (var source in active)
            {
                if (source.Name == rule.Source && rule.Equal.All(l => source.Labels.Get(l) == alert.Labels.Get(l)))
                {
                    return source.Labels.Get("node") is { } node ? $"{rule.Source} ({node})" : rule.Source;
                }
            }
        }

        return null;
    }
}
