namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// Node failures a cluster survives: storage (the weakest volume's resiliency) and quorum (a majority of votes)
/// differ; the cluster's tolerance is the smaller (docs/capacity.md).
/// </summary>
/// <param name="Storage">Simultaneous node failures every volume survives.</param>
/// <param name="Quorum">Simultaneous node failures after which a majority of votes remains.</param>
public sealed record FaultTolerance(int Storage, int Quorum)
{
    /// <summary>The cluster's tolerance: the smaller of storage and quorum tolerance.</summary>
    public int Cluster => Math.Min(Storage, Quorum);

    /// <summary>Which of the two limits the cluster ("storage", "quorum" or "both").</summary>
    public string LimitedBy => Storage == Quorum ? "both" : Storage < Quorum ? "storage" : "quorum";

    /// <summary>
    /// Computes both tolerances. Quorum: with V votes (nodes plus a witness), a majority ⌊V/2⌋ + 1 must remain;
    /// the witness is not a node, so node failures tolerated = V − (⌊V/2⌋ + 1), at most nodes − 1. This counts
    /// simultaneous failures: dynamic quorum can survive more when failures come one at a time.
    /// </summary>
    public static FaultTolerance Of(int nodes, bool witness, IEnumerable<Resiliency> volumes, MediaKind media = MediaKind.AllFlash)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        var votes = nodes + (witness ? 1 : 0);
        var quorum = Math.Max(0, Math.Min(votes - ((votes / 2) + 1), nodes - 1));
        var storage = int.MaxValue;
        foreach (var resiliency in volumes)
        {
            var resolved = ResiliencyTable.TryResolve(resiliency, nodes, media, out _);
            storage = Math.Min(storage, resolved?.NodeFailuresTolerated ?? 0);
        }

        return new FaultTolerance(storage == int.MaxValue ? 0 : Math.Min(storage, nodes - 1), quorum);
    }
}
