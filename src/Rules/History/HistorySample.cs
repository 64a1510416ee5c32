namespace AzLocalMonitor.Rules.History;

/// <summary>One raw point of a cluster's capacity series (see <see cref="HistorySeries"/>).</summary>
public readonly record struct HistorySample(string Cluster, string Series, long TimestampMs, double Value);
