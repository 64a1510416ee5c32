namespace AzLocalMonitor.Collector.Sources;

/// <summary>A created source and the cluster name it reports under.</summary>
internal sealed record SourceSetup(IMetricSource Source, string Cluster);
