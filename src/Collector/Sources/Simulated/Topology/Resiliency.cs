namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>Volume resiliency (S2D). <see cref="ResiliencyRules"/> gives efficiency, minimum nodes and fault tolerance.</summary>
internal enum Resiliency
{
    /// <summary>One copy: no fault tolerance (single node, scratch data).</summary>
    Simple,

    /// <summary>Two copies on two nodes: survives one failure.</summary>
    TwoWayMirror,

    /// <summary>Three copies on three nodes: survives two failures.</summary>
    ThreeWayMirror,

    /// <summary>Erasure coding with one parity: survives one failure.</summary>
    SingleParity,

    /// <summary>Erasure coding with two parities (Reed-Solomon, LRC from 12 nodes): survives two failures.</summary>
    DualParity,
}
