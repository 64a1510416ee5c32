using AzLocalMonitor.Rules.Series;
using static AzLocalMonitor.Rules.Alerting.Conditions.ConditionHelpers;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>AzLocalMaintenanceWindow: a configured maintenance window is active for the whole cluster.</summary>
public sealed class MaintenanceWindowCondition : IAlertCondition
{
    public string Kind => "maintenance_window";

    public IReadOnlyCollection<string>? Inputs { get; } = [];

    public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var window in context.ActiveWindows)
        {
            if (window.Node is null)
            {
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name, "window", window.Name), 1,
                    Details(("until", window.EndsAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))));
            }
        }
    }

    public string ToPromQl(RuleSettings settings) =>
        $"max by (cluster, window) ({CatalogNames.MaintenanceActive}{{node=\"\"}} == 1)";
}
