namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>What redundancy the data keeps after losing a node (ordered: worse is larger).</summary>
public enum Redundancy
{
    /// <summary>Every volume is rebuilt to its full resiliency on the nodes left.</summary>
    Full,

    /// <summary>Some volume keeps fewer copies or parity than asked until the node returns, but still survives another failure (three-way mirror on 3 nodes, dual parity on 4, a stretched cluster's other site).</summary>
    Reduced,

    /// <summary>Some volume is left with a single copy: no redundancy until repaired (a 2-node cluster's survivor). Not "does not fit".</summary>
    None,

    /// <summary>Data or service is lost: a single-node cluster, or a simple (non-resilient) volume on the lost node.</summary>
    Lost,
}
