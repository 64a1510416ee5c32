namespace AzLocalMonitor.Rules.Capacity;

/// <summary>One observed point of a resource's utilisation (or count), from the rollups.</summary>
public sealed record HistoryPoint(DateTimeOffset Timestamp, double Value);
