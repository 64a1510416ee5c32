using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// The pure mapping layer of the Windows source: raw records in, a <see cref="ClusterReading"/> out. It keeps the
/// state a mapping needs between readings (running I/O counts, whether this node owned the core group, the fault
/// book) but reads nothing itself, so it is tested on fixture files here and runs unchanged on Windows.
/// </summary>
internal sealed class WindowsMapper
{
    private readonly string _reportingNode;
    private readonly WindowsNodeMapper _node = new();
    private bool _wasOwner;
    private int _lastVotesConfigured;

    public WindowsMapper(string reportingNode) => _reportingNode = reportingNode;

    /// <summary>Active Health Service faults (fed by the reader's snapshot and event subscription).</summary>
    public FaultBook Faults { get; } = new();

    public ClusterReading Map(WindowsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var own = _node.Map(snapshot);
        var members = WindowsClusterMapper.Members(snapshot, _reportingNode, own);
        ClusterFacts? facts = null;
        if (snapshot.ClusterReachable && WindowsClusterMapper.OwnsCoreGroup(snapshot, _reportingNode))
        {
            facts = WindowsClusterMapper.Facts(snapshot, Faults.Counts());
            (_wasOwner, _lastVotesConfigured) = (true, facts.VotesConfigured);
        }
        else if (!snapshot.ClusterReachable && _wasOwner)
        {
            // The owner's cluster service stopped answering: the cluster has no quorum here, and no other node
            // will say so on this node's behalf.
            facts = WindowsClusterMapper.Lost(_lastVotesConfigured);
        }
        else
        {
            _wasOwner = false;
        }

        return new ClusterReading(members, facts);
    }
}
