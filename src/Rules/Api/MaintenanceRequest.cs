namespace AzLocalMonitor.Rules.Api;

/// <summary>Body of <c>POST /api/v1/maintenance</c>: a recurring (cron + duration) or one-off (start + end) window.</summary>
public sealed record MaintenanceRequest(
    string? Name,
    string? Cluster,
    string? Node,
    string? Cron,
    string? Duration,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? TimeZone,
    string? Reason);
