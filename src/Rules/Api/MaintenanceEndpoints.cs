using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.State;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// Maintenance windows through the API, each change recorded in the audit trail under the caller's token name:
/// <c>GET/POST /api/v1/maintenance</c>, <c>DELETE /api/v1/maintenance/{id}</c>, <c>GET /api/v1/audit</c>. Changes
/// need an operator token whose clusters include the window's cluster.
/// </summary>
public static class MaintenanceEndpoints
{
    /// <summary>Windows the API keeps per cluster: enough for any plan, too few to hide a flood.</summary>
    public const int MaxWindowsPerCluster = 100;

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/maintenance", List).RequireAuthorization(AuthSetup.ViewerPolicy);
        app.MapPost("/api/v1/maintenance", Create).RequireAuthorization(AuthSetup.OperatorPolicy).RequireRateLimiting(RateLimitSetup.WritesPolicy);
        app.MapDelete("/api/v1/maintenance/{id}", Delete).RequireAuthorization(AuthSetup.OperatorPolicy).RequireRateLimiting(RateLimitSetup.WritesPolicy);
        app.MapGet("/api/v1/audit", Audit).RequireAuthorization(AuthSetup.ViewerPolicy);
    }

    private static IResult List(MaintenanceSchedule schedule, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return Results.Json(new
        {
            windows = schedule.All.OrderBy(w => w.Id, StringComparer.Ordinal).Select(w => new
            {
                window = w,
                source = w.Id.StartsWith(PolicyWatcher.ConfigWindowPrefix, StringComparison.Ordinal) ? "policy" : "api",
                active = MaintenanceCalendar.ActiveAt(w, now) is not null,
                nextChange = MaintenanceCalendar.NextChange(w, now),
            }),
        });
    }

    private static IResult Create(HttpContext http, MaintenanceRequest? request, MaintenanceSchedule schedule, IStateStore store, TimeProvider time)
    {
        var caller = Caller.Of(http)!;
        if (request is null)
        {
            return Results.Json(new { errors = new[] { "body must be a JSON maintenance window" } }, statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = new List<string>();
        TimeSpan? duration = null;
        if (request.Duration is { } d)
        {
            if (DurationText.TryParse(d, out var parsed))
            {
                duration = parsed;
            }
            else
            {
                errors.Add($"duration '{d}' is not a duration such as 4h or 90m");
            }
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add("name is required");
        }

        var window = new MaintenanceWindow("api:" + Guid.NewGuid().ToString("n")[..12], request.Name ?? string.Empty, request.Cluster ?? string.Empty,
            string.IsNullOrWhiteSpace(request.Node) ? null : request.Node, request.Cron, duration, request.Start, request.End, request.TimeZone, request.Reason);
        errors.AddRange(MaintenanceCalendar.Validate(window));
        if (errors.Count > 0)
        {
            return Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!caller.Clusters.Allows(window.Cluster))
        {
            return AuditEntry.OutOfScope(caller, window.Cluster);
        }

        if (schedule.All.Count(w => w.Cluster == window.Cluster) >= MaxWindowsPerCluster)
        {
            return Results.Json(new { errors = new[] { $"cluster '{window.Cluster}' already has {MaxWindowsPerCluster} maintenance windows: delete old ones first" } },
                statusCode: StatusCodes.Status409Conflict);
        }

        var now = time.GetUtcNow();
        store.SaveWindow(window, AuditEntry.For(http, caller, now, "maintenance.create", window.Id, window));
        schedule.Upsert(window);
        return Results.Json(window, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Delete(HttpContext http, string id, MaintenanceSchedule schedule, IStateStore store, TimeProvider time)
    {
        var caller = Caller.Of(http)!;
        if (id.StartsWith(PolicyWatcher.ConfigWindowPrefix, StringComparison.Ordinal))
        {
            return Results.Json(new { errors = new[] { "this window comes from a policy file: change the file instead" } }, statusCode: StatusCodes.Status409Conflict);
        }

        if (schedule.All.FirstOrDefault(w => w.Id == id) is not { } window)
        {
            return Results.NotFound();
        }

        if (!caller.Clusters.Allows(window.Cluster))
        {
            return AuditEntry.OutOfScope(caller, window.Cluster);
        }

        store.DeleteWindow(id, AuditEntry.For(http, caller, time.GetUtcNow(), "maintenance.delete", id, window));
        schedule.Remove(id);
        return Results.NoContent();
    }

    private static IResult Audit(IStateStore store, int? limit) =>
        Results.Json(new { entries = store.LoadAudit(Math.Clamp(limit ?? 100, 1, 10_000)) });

}
