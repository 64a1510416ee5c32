using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// Quorum after a membership change (<see cref="QuorumMath"/> for the vote rules). A partition splits the running
/// nodes into the listed side and the rest; the witness (when it votes and is reachable) joins the side with more
/// node votes, the rest on a tie. The side with a majority of configured votes keeps the cluster; the other side's
/// nodes are removed (reported down). With no majority anywhere the cluster has lost quorum.
/// </summary>
internal static class QuorumCalculator
{
    public static QuorumView Compute(ClusterSpec spec, IReadOnlyList<NodeState> states, IReadOnlyList<bool> isolated, WitnessState witness)
    {
        var configured = QuorumMath.VotesConfigured(spec.Nodes, spec.Witness);
        var witnessVote = witness == WitnessState.Ok ? QuorumMath.WitnessWeight(spec.Nodes, spec.Witness) : 0;
        int rest = 0, cut = 0;
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i] != NodeState.Down)
            {
                if (isolated[i])
                {
                    cut++;
                }
                else
                {
                    rest++;
                }
            }
        }

        var witnessToRest = rest >= cut;
        var restVotes = rest + (witnessToRest ? witnessVote : 0);
        var cutVotes = cut + (witnessToRest ? 0 : witnessVote);
        var restWins = QuorumMath.HasQuorum(restVotes, configured) || (!QuorumMath.HasQuorum(cutVotes, configured) && restVotes >= cutVotes);
        var member = new bool[states.Count];
        for (var i = 0; i < states.Count; i++)
        {
            member[i] = states[i] != NodeState.Down && isolated[i] != restWins;
        }

        var present = restWins ? restVotes : cutVotes;
        return new QuorumView(QuorumMath.HasQuorum(present, configured), configured, present, member);
    }
}
