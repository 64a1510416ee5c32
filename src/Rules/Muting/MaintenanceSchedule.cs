namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Every maintenance window, from configuration and the API. Thread-safe: readers get an immutable snapshot.
/// The rule engine asks it which windows cover a cluster now and when that next changes.
/// </summary>
public sealed class MaintenanceSchedule
{
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, MaintenanceWindow> _windows = new Dictionary<string, MaintenanceWindow>(StringComparer.Ordinal);

    /// <summary>Raised after any change, so the engine can re-evaluate the cluster at once.</summary>
    public event Action<string>? Changed;

    /// <summary>Every window.</summary>
    public IReadOnlyCollection<MaintenanceWindow> All => _windows.Values.ToList();

    /// <summary>Adds or replaces a window (by id).</summary>
    public void Upsert(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        lock (_gate)
        {
            _windows = new Dictionary<string, MaintenanceWindow>(_windows, StringComparer.Ordinal) { [window.Id] = window };
        }

        Changed?.Invoke(window.Cluster);
    }

    /// <summary>Replaces every window whose id starts with <paramref name="prefix"/> (those from a reloaded policy file).</summary>
    public void ReplaceAll(string prefix, IEnumerable<MaintenanceWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        HashSet<string> clusters;
        lock (_gate)
        {
            var copy = _windows.Values.Where(w => !w.Id.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(w => w.Id, StringComparer.Ordinal);
            clusters = [.. _windows.Values.Where(w => w.Id.StartsWith(prefix, StringComparison.Ordinal)).Select(w => w.Cluster)];
            foreach (var window in windows)
            {
                copy[window.Id] = window;
                clusters.Add(window.Cluster);
            }

            _windows = copy;
        }

        foreach (var cluster in clusters)
        {
            Changed?.Invoke(cluster);
        }
    }

    /// <summary>Removes a window; returns it, or null when there was none with that id.</summary>
    public MaintenanceWindow? Remove(string id)
    {
        MaintenanceWindow? removed;
        lock (_gate)
        {
            if (!_windows.TryGetValue(id, out removed))
            {
                return null;
            }

            var copy = new Dictionary<string, MaintenanceWindow>(_windows, StringComparer.Ordinal);
            copy.Remove(id);
            _windows = copy;
        }

        Changed?.Invoke(removed.Cluster);
        return removed;
    }

    /// <summary>Windows of <paramref name="cluster"/> in progress at <paramref name="now"/>, and the next time that set changes.</summary>
    public (IReadOnlyList<ActiveWindow> Active, DateTimeOffset NextChange) For(string cluster, DateTimeOffset now)
    {
        var active = new List<ActiveWindow>();
        var next = DateTimeOffset.MaxValue;
        foreach (var window in _windows.Values)
        {
            if (!string.Equals(window.Cluster, cluster, StringComparison.Ordinal))
            {
                continue;
            }

            if (MaintenanceCalendar.ActiveAt(window, now) is { } occurrence)
            {
                active.Add(occurrence);
            }

            if (MaintenanceCalendar.NextChange(window, now) is { } change && change < next)
            {
                next = change;
            }
        }

        return (active, next);
    }
}
