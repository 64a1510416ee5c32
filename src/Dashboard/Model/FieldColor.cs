namespace AzLocalMonitor.Dashboard.Model;

/// <summary>How Grafana colours a field: <c>thresholds</c>, <c>palette-classic</c> or <c>fixed</c>.</summary>
public sealed record FieldColor(string Mode, string? FixedColor = null);
