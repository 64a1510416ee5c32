namespace AzLocalMonitor.Collector.Sources;

/// <summary>The state changes that are exported at once rather than at the next interval.</summary>
internal enum StateChangeKind
{
    NodeDown,
    NodeUp,
    NodePaused,
    NodeResumed,
    QuorumLost,
    QuorumRegained,
    WitnessFailed,
    WitnessRestored,
}
