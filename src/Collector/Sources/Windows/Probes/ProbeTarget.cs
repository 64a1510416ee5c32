namespace AzLocalMonitor.Collector.Sources.Windows.Probes;

/// <summary>A host and TCP port the agent times a connect to (a node of another site, the witness's endpoint).</summary>
internal sealed record ProbeTarget(string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}
