namespace AzLocalMonitor.Collector.Sources;

/// <summary>A created source and the cluster name it reports under.</summary>
/// <param name="Node">The reporting node when the source knows it better than the options (a replayed capture).</param>
internal sealed record SourceSetup(IMetricSource Source, string Cluster, string? Node = null);
