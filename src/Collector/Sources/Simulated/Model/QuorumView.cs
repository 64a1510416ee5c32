namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// The cluster as its quorum decides it: the side that holds quorum (or, with none, the larger side) and its votes.
/// <see cref="Member"/> marks the nodes of that side that are running; every other node is reported down by them.
/// </summary>
internal sealed record QuorumView(bool HasQuorum, int VotesConfigured, int VotesPresent, bool[] Member)
{
    public int Members => Member.Count(m => m);
}
