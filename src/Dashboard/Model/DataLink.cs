namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A link from a panel's values, e.g. drill-down to another dashboard with <c>${__field.labels.cluster}</c>.</summary>
public sealed record DataLink(string Title, string Url, bool TargetBlank = false);
