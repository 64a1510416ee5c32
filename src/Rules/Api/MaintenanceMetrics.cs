using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Alerting.Conditions;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// <c>azlm_maintenance_window_active{cluster,window[,node]}</c> = 1 for each window in progress: the generated
/// Prometheus rules read it, so teams evaluating in Prometheus see maintenance as Rules does.
/// </summary>
public sealed class MaintenanceMetrics : IMetricsContributor
{
    private readonly MaintenanceSchedule _schedule;
    private readonly TimeProvider _time;

    public MaintenanceMetrics(MaintenanceSchedule schedule, TimeProvider time)
    {
        _schedule = schedule;
        _time = time;
    }

    public void WriteTo(PrometheusTextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var now = _time.GetUtcNow();
        writer.Family(CatalogNames.MaintenanceActive, "gauge", "1 while a maintenance window is in progress (node set for node windows).");
        foreach (var window in _schedule.All.OrderBy(w => w.Id, StringComparer.Ordinal))
        {
            if (MaintenanceCalendar.ActiveAt(window, now) is not null)
            {
                var labels = window.Node is null
                    ? LabelSet.Of("cluster", window.Cluster, "window", window.Name)
                    : LabelSet.Of("cluster", window.Cluster, "node", window.Node, "window", window.Name);
                writer.Sample(CatalogNames.MaintenanceActive, labels, 1);
            }
        }
    }
}
