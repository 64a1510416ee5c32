namespace AzLocalMonitor.Collector.Sources.Windows.Records;

/// <summary>One performance counter value: <c>\Set(Instance)\Counter</c>, cooked (per second, ratio...) and raw.</summary>
/// <param name="Instance">Empty for single-instance sets (Memory).</param>
/// <param name="Raw">The raw counter; for <c>.../sec</c> counters a running count.</param>
internal sealed record PerfSample(string Set, string Instance, string Counter, double Value, long Raw);
