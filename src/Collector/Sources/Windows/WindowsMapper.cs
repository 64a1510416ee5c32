using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Probes;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// The pure mapping layer of the Windows source: raw records in, a <see cref="ClusterReading"/> out. It keeps the
/// state a mapping needs between readings (running I/O counts, the fault book) but reads nothing itself, so it runs
/// unchanged on a node (WMI) and on a replayed capture folder.
/// </summary>
internal sealed class WindowsMapper
{
    private readonly string _reportingNode;
    private readonly WindowsNodeMapper _node = new();
    private readonly RoutineOperations _operations;

    public WindowsMapper(string reportingNode, TimeProvider time)
    {
        _reportingNode = reportingNode;
        _operations = new RoutineOperations(time);
    }

    /// <summary>Active Health Service faults (fed by the reader's snapshot and event subscription).</summary>
    public FaultBook Faults { get; } = new();

    public ClusterReading Map(WindowsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var own = _node.Map(snapshot, _reportingNode);
        var members = WindowsClusterMapper.Members(snapshot, _reportingNode, own);
        var operations = _operations.Observe(snapshot, _reportingNode);
        var facts = WindowsClusterMapper.Facts(snapshot, Faults.Counts()) is { } f
            ? f with
            {
                Operations = operations,
                SiteLatencies = ProbeReadings.Sites(snapshot, _reportingNode),
                WitnessLatencySeconds = ProbeReadings.WitnessSeconds(snapshot),
            }
            : null;
        return new ClusterReading(members, facts)
        {
            ClusterQueryable = snapshot.ClusterReachable,
        };
    }
}
