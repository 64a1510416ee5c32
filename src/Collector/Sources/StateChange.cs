namespace AzLocalMonitor.Collector.Sources;

/// <summary>A change of cluster state that the exporter pushes immediately.</summary>
/// <param name="Subject">The node or cluster the change is about.</param>
/// <param name="At">When the source saw it (from its <see cref="TimeProvider"/>).</param>
internal sealed record StateChange(StateChangeKind Kind, string Subject, DateTimeOffset At)
{
    public override string ToString() => $"{Kind} {Subject}";
}
