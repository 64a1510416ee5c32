namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// A monotonic total over counter instances that come and go (one CSVFS instance per volume): each instance adds
/// the growth of its raw count since its previous reading. A new instance starts its baseline (adds nothing), a
/// vanished one stops adding, a raw count that went back (the instance was re-created) restarts the baseline.
/// </summary>
internal sealed class RunningCount
{
    private readonly Dictionary<string, long> _last = new(StringComparer.OrdinalIgnoreCase);

    public long Total { get; private set; }

    /// <summary>Whether any instance was ever seen (no instances: the metric is not exported).</summary>
    public bool Seen { get; private set; }

    public void Update(IEnumerable<(string Instance, long Raw)> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var now = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (instance, raw) in instances)
        {
            now[instance] = raw;
            Seen = true;
            if (_last.TryGetValue(instance, out var before) && raw >= before)
            {
                Total += raw - before;
            }
        }

        _last.Clear();
        foreach (var (instance, raw) in now)
        {
            _last[instance] = raw;
        }
    }
}
