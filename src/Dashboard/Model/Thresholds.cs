namespace AzLocalMonitor.Dashboard.Model;

/// <summary>Grafana threshold scale (absolute mode): a base colour then ascending steps.</summary>
public sealed record Thresholds(string Mode, IReadOnlyList<ThresholdStep> Steps);
