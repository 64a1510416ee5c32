namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A link in the dashboard header, to another dashboard (<c>/d/uid</c>) keeping time and variables.</summary>
public sealed record DashboardLink
{
    public bool AsDropdown { get; init; }

    public string Icon { get; init; } = "dashboard";

    public bool IncludeVars { get; init; } = true;

    public bool KeepTime { get; init; } = true;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool TargetBlank { get; init; }

    public required string Title { get; init; }

    public string Tooltip { get; init; } = "";

    public string Type { get; init; } = "link";

    public required string Url { get; init; }
}
