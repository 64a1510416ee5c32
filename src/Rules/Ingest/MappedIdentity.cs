using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// What a data point maps to besides its value and time: its cluster, labels and self-report node, and whether its
/// node came from the resource's host (then the same attributes map differently under another host).
/// </summary>
internal readonly record struct MappedIdentity(string Cluster, LabelSet Labels, string? SelfReportNode, bool FromHost);
