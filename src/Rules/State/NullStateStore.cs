using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.State;

/// <summary>No state file configured: state lives in memory only (tests, throwaway runs).</summary>
public sealed class NullStateStore : IStateStore
{
    private readonly List<AuditRecord> _audit = [];
    private readonly Dictionary<string, MaintenanceWindow> _windows = new(StringComparer.Ordinal);

    public void SaveAlerts(string cluster, long version, IReadOnlyList<AlertRecord> alerts)
    {
    }

    public IReadOnlyList<AlertRecord> LoadAlerts() => [];

    public void SaveNodeReports(IReadOnlyList<(string Cluster, string Node, long LastMs)> reports)
    {
    }

    public IReadOnlyList<(string Cluster, string Node, long LastMs)> LoadNodeReports() => [];

    public void SaveWindow(MaintenanceWindow window, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (_audit)
        {
            _windows[window.Id] = window;
            _audit.Add(audit with { Id = _audit.Count + 1 });
        }
    }

    public void DeleteWindow(string id, AuditRecord audit)
    {
        lock (_audit)
        {
            _windows.Remove(id);
            _audit.Add(audit with { Id = _audit.Count + 1 });
        }
    }

    public IReadOnlyList<MaintenanceWindow> LoadWindows()
    {
        lock (_audit)
        {
            return [.. _windows.Values];
        }
    }

    public IReadOnlyList<AuditRecord> LoadAudit(int limit)
    {
        lock (_audit)
        {
            return [.. _audit.AsEnumerable().Reverse().Take(limit)];
        }
    }
}
