using AzLocalMonitor.Dashboard.Building;

namespace AzLocalMonitor.Dashboard.Dashboards;

/// <summary>One generated dashboard: fixed uid, title, one-line summary, output file name and its builder.</summary>
public sealed record DashboardDefinition(string Uid, string Title, string Summary, string FileName, Func<DashboardBuilder> Create);
