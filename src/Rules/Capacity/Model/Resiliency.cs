namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>S2D volume resiliency types (docs/capacity.md). <see cref="Parity"/> means "parity, whichever the node count allows".</summary>
public enum Resiliency
{
    /// <summary>No redundancy (one copy). Survives no failure.</summary>
    Simple,

    /// <summary>Two copies on two nodes: 50%, survives one failure, needs 2 nodes.</summary>
    TwoWayMirror,

    /// <summary>Three copies: 33.3%, survives two failures, needs 3 nodes.</summary>
    ThreeWayMirror,

    /// <summary>Single parity (erasure coding, one parity symbol): 3 nodes 66.7%, 4+ nodes 75%; survives one failure.</summary>
    SingleParity,

    /// <summary>Dual parity: needs 4 nodes; efficiency by node count and media (docs/capacity.md); survives two failures.</summary>
    DualParity,

    /// <summary>Mirror-accelerated parity: a three-way mirror tier in front of a dual-parity tier; needs 4 nodes.</summary>
    MirrorAcceleratedParity,

    /// <summary>Nested two-way mirror (two copies per node on a 2-node cluster): 25%.</summary>
    NestedTwoWayMirror,

    /// <summary>"Parity" as the module writes it: dual parity where possible (4+ nodes), else single parity (3 nodes).</summary>
    Parity,
}
