using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// Votes and quorum as the simulator models them. Every node has one vote (NodeWeight 1). The witness is dynamic:
/// it votes only while the node votes are even (2, 4, ... nodes), so the total stays odd. Node weights are not
/// adjusted after failures (Windows' "last man standing" recomputation depends on failures being sequential and on
/// which node holds the tie-break; the simulator keeps the module's rule: a 3-node cluster needs 2 healthy nodes).
/// </summary>
internal static class QuorumMath
{
    public static int WitnessWeight(int nodes, WitnessType witness) => witness != WitnessType.None && nodes % 2 == 0 ? 1 : 0;

    public static int VotesConfigured(int nodes, WitnessType witness) => nodes + WitnessWeight(nodes, witness);

    /// <summary>Strict majority of the configured votes.</summary>
    public static bool HasQuorum(int votesPresent, int votesConfigured) => votesPresent * 2 > votesConfigured;

    /// <summary>How many nodes may fail (with the witness healthy) while quorum holds.</summary>
    public static int NodeFailuresTolerated(int nodes, WitnessType witness, bool witnessHealthy = true)
    {
        var configured = VotesConfigured(nodes, witness);
        var witnessVote = witnessHealthy ? WitnessWeight(nodes, witness) : 0;
        var tolerated = 0;
        while (tolerated < nodes && HasQuorum(nodes - (tolerated + 1) + witnessVote, configured))
        {
            tolerated++;
        }

        return HasQuorum(nodes + witnessVote, configured) ? tolerated : -1;
    }
}
