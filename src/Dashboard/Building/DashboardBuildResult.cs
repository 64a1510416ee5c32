using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Building;

/// <summary>The outcome of <see cref="DashboardBuilder.Build"/>: the dashboard, or every error found.</summary>
public sealed record DashboardBuildResult(DashboardModel? Dashboard, IReadOnlyList<string> Errors)
{
    public bool IsSuccess => Dashboard is not null && Errors.Count == 0;

    /// <summary>The dashboard, or an exception listing every error.</summary>
    public DashboardModel GetOrThrow() =>
        IsSuccess ? Dashboard! : throw new InvalidOperationException("Dashboard is invalid:\n  " + string.Join("\n  ", Errors));
}
