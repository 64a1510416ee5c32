namespace AzLocalMonitor.Dashboard.Model;

/// <summary>Default time range, Grafana relative syntax (<c>now-6h</c> .. <c>now</c>).</summary>
public sealed record TimeRange(string From, string To);
