namespace AzLocalMonitor.Rules.Capacity.Resampling;

/// <summary>One observation as it came: a time and a value, in any order, possibly repeated or off the grid.</summary>
public readonly record struct TimedValue(DateTimeOffset Timestamp, double Value);
