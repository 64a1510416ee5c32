using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.State;

/// <summary>No state file configured: state lives in memory only (tests, throwaway runs).</summary>
public sealed class NullStateStore : IStateStore
{
    /// <summary>Most history steps kept in memory: the newest, for the NOC's timeline of a throwaway run.</summary>
    private const int MaxHistory = 10_000;

    private readonly List<AuditRecord> _audit = [];

    // Shared mutable state: the outbox appends from its writer thread while API requests read; guarded by lock (_history).
    private readonly LinkedList<AlertTransition> _history = new();
    private readonly Dictionary<string, MaintenanceWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Silence> _silences = new(StringComparer.Ordinal);

    public void SaveAlertChanges(IReadOnlyList<AlertChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_history)
        {
            foreach (var step in changes.Select(c => c.Transition).OfType<AlertTransition>())
            {
                _history.AddLast(step);
                if (_history.Count > MaxHistory)
                {
                    _history.RemoveFirst();
                }
            }
        }
    }

    public IReadOnlyList<AlertTransition> LoadAlertHistory(string cluster, int limit)
    {
        lock (_history)
        {
            return _history.Reverse().Where(s => s.Cluster == cluster).Take(limit).ToList();
        }
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

    public void SaveSilence(Silence silence, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(silence);
        lock (_audit)
        {
            _silences[silence.Id] = silence;
            _audit.Add(audit with { Id = _audit.Count + 1 });
        }
    }

    public IReadOnlyList<Silence> LoadSilences()
    {
        lock (_audit)
        {
            return [.. _silences.Values];
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
