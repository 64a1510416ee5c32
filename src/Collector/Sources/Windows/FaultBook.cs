using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// The active Health Service faults, deduplicated by FaultId: a snapshot (Get-HealthFault, Diagnose) replaces the
/// book; events (MSFT_StorageFaultEvent) create, update or remove one fault. The same fault seen by a snapshot and
/// by an event, or twice by events, counts once. Thread-safe (events arrive on WMI's thread).
/// </summary>
internal sealed class FaultBook
{
    private readonly Dictionary<string, HealthFaultRecord> _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private bool _known;

    /// <summary>Snapshots the Health Service refused (Diagnose returned non-zero: 59000 health resource unreachable,
    /// 40003 cache out of date, ...); the book kept its faults each time.</summary>
    public int FailedRefreshes { get; private set; }

    /// <summary>The last non-zero Diagnose return code.</summary>
    public int? LastFailure { get; private set; }

    public void Replace(IEnumerable<HealthFaultRecord> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _known = true;
            _faults.Clear();
            foreach (var fault in snapshot.Where(f => f.FaultId.Length > 0))
            {
                _faults[fault.FaultId] = fault;
            }
        }
    }

    /// <summary>A snapshot that failed: the active faults stay as they were (an empty answer is not "no faults").</summary>
    public void Failed(int returnCode)
    {
        lock (_lock)
        {
            FailedRefreshes++;
            LastFailure = returnCode;
        }
    }

    /// <summary>Applies one event: ChangeType 1 removes, anything else creates or updates.</summary>
    public void Apply(HealthFaultRecord change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.FaultId.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (change.ChangeType == 1)
            {
                _faults.Remove(change.FaultId);
            }
            else
            {
                _faults[change.FaultId] = change;
            }
        }
    }

    /// <summary>Active faults counted by severity and type; null until a snapshot succeeded (unknown, not zero).</summary>
    public IReadOnlyList<FaultCount>? Counts()
    {
        lock (_lock)
        {
            return !_known ? null : [.. _faults.Values
                .GroupBy(f => (Severity: WindowsEnums.FaultSeverity(f.PerceivedSeverity), f.FaultType))
                .OrderBy(g => g.Key.Severity, StringComparer.Ordinal).ThenBy(g => g.Key.FaultType, StringComparer.Ordinal)
                .Select(g => new FaultCount(g.Key.Severity, g.Key.FaultType, g.Count()))];
        }
    }
}
