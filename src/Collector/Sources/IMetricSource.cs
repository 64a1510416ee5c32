using AzLocalMonitor.Collector.Sources.Readings;

namespace AzLocalMonitor.Collector.Sources;

/// <summary>
/// Something that can be read for the catalog's metrics: the simulator, this Linux host, a Windows cluster node.
/// <see cref="Read"/> is called at every export (from the SDK's collection thread), so it must be cheap
/// and thread-safe; state changes are pushed through <see cref="StateChanged"/> so they are exported at once.
/// </summary>
internal interface IMetricSource : IAsyncDisposable
{
    /// <summary>Short name for logs, e.g. <c>simulated (quorum-loss.yaml)</c>.</summary>
    string Description { get; }

    /// <summary>Raised (on any thread) after a state change has been applied, so a Read now shows it.</summary>
    event EventHandler<StateChange>? StateChanged;

    /// <summary>Starts whatever the source runs in the background (the scenario clock).</summary>
    void Start();

    /// <summary>Reads the current state.</summary>
    ClusterReading Read();
}
