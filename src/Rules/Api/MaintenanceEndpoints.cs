using System.Text.Json;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.State;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// Maintenance windows through the API, each change recorded in the audit trail with who made it
/// (header <c>X-AzLM-Actor</c>, required for changes): <c>GET/POST /api/v1/maintenance</c>,
/// <c>DELETE /api/v1/maintenance/{id}</c>, <c>GET /api/v1/audit</c>.
/// </summary>
public static class MaintenanceEndpoints
{
    /// <summary>Header naming who makes a change (until authentication lands, the caller states it).</summary>
    public const string ActorHeader = "X-AzLM-Actor";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/maintenance", List);
        app.MapPost("/api/v1/maintenance", Create);
        app.MapDelete("/api/v1/maintenance/{id}", Delete);
        app.MapGet("/api/v1/audit", Audit);
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
        if (Actor(http) is not { } actor)
        {
            return MissingActor();
        }

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

        var now = time.GetUtcNow();
        store.SaveWindow(window, new AuditRecord(0, now, actor, "maintenance.create", window.Id, JsonSerializer.Serialize(window)));
        schedule.Upsert(window);
        return Results.Json(window, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Delete(HttpContext http, string id, MaintenanceSchedule schedule, IStateStore store, TimeProvider time)
    {
        if (Actor(http) is not { } actor)
        {
            return MissingActor();
        }

        if (id.StartsWith(PolicyWatcher.ConfigWindowPrefix, StringComparison.Ordinal))
        {
            return Results.Json(new { errors = new[] { "this window comes from a policy file: change the file instead" } }, statusCode: StatusCodes.Status409Conflict);
        }

        if (schedule.All.FirstOrDefault(w => w.Id == id) is not { } window)
        {
            return Results.NotFound();
        }

        store.DeleteWindow(id, new AuditRecord(0, time.GetUtcNow(), actor, "maintenance.delete", id, JsonSerializer.Serialize(window)));
        schedule.Remove(id);
        return Results.NoContent();
    }

    private static IResult Audit(IStateStore store, int? limit) =>
        Results.Json(new { entries = store.LoadAudit(Math.Clamp(limit ?? 100, 1, 10_000)) });

    internal static string? Actor(HttpContext http)
    {
        var actor = http.Request.Headers[ActorHeader].ToString().Trim();
        return actor.Length is > 0 and <= 200 ? actor : null;
    }

    internal static IResult MissingActor() =>
        Results.Json(new { errors = new[] { $"say who makes the change in the {ActorHeader} header (it goes to the audit trail)" } }, statusCode: StatusCodes.Status400BadRequest);
}
