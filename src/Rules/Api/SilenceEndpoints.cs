using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.State;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// Silences, after Alertmanager's: <c>GET/POST /api/v1/silences</c>, <c>DELETE /api/v1/silences/{id}</c> (expires it).
/// Every change needs an operator token and is audited under its name. A token limited to some clusters may only create
/// or expire silences with a <c>cluster="…"</c> matcher naming one of them. A silence must name something: a matcher set
/// that matches every alert is refused, as Alertmanager does.
/// </summary>
public static class SilenceEndpoints
{
    /// <summary>The longest silence accepted: a forgotten silence must not hide a cluster for ever.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    /// <summary>Silences kept that have not expired yet: a flood of them must not slow every evaluation.</summary>
    public const int MaxUnexpired = 1_000;

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/silences", List).RequireAuthorization(AuthSetup.ViewerPolicy);
        app.MapPost("/api/v1/silences", Create).RequireAuthorization(AuthSetup.OperatorPolicy).RequireRateLimiting(RateLimitSetup.WritesPolicy);
        app.MapDelete("/api/v1/silences/{id}", Expire).RequireAuthorization(AuthSetup.OperatorPolicy).RequireRateLimiting(RateLimitSetup.WritesPolicy);
    }

    private static IResult List(SilenceBook silences, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return Results.Json(new { silences = silences.All.OrderByDescending(s => s.StartsAt).Select(s => View(s, now)) });
    }

    private static IResult Create(HttpContext http, SilenceRequest? request, SilenceBook silences, IStateStore store, TimeProvider time)
    {
        var caller = Caller.Of(http)!;
        if (request is null)
        {
            return Errors(["body must be a JSON silence: {\"matchers\": [\"alertname=\\\"AzLocalCpuHigh\\\"\"], \"duration\": \"2h\", \"comment\": \"...\"}"]);
        }

        var now = time.GetUtcNow();
        var errors = new List<string>();
        var matchers = new List<LabelMatcher>();
        foreach (var text in request.Matchers ?? [])
        {
            try
            {
                matchers.Add(LabelMatcher.Parse(text));
            }
            catch (FormatException e)
            {
                errors.Add(e.Message);
            }
        }

        if (matchers.Count == 0 && errors.Count == 0)
        {
            errors.Add("at least one matcher is required, e.g. cluster=\"bank-a\"");
        }
        else if (matchers.Count > 0 && matchers.All(m => m.Matches(Series.LabelSet.Empty)))
        {
            errors.Add("at least one matcher must not match the empty string: a silence may not match every alert");
        }

        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add("comment is required (why, and the change ticket)");
        }

        var starts = request.StartsAt ?? now;
        DateTimeOffset? ends = request.EndsAt;
        if (request.Duration is { } d)
        {
            if (DurationText.TryParse(d, out var duration) && duration > TimeSpan.Zero)
            {
                // Past the longest silence: say so below rather than overflow the end date.
                ends = duration > MaxDuration ? starts + MaxDuration + TimeSpan.FromSeconds(1) : starts + duration;
            }
            else
            {
                errors.Add($"duration '{d}' is not a positive duration such as 2h or 90m");
            }
        }

        if (ends is not { } end)
        {
            errors.Add("endsAt or duration is required");
        }
        else if (end <= starts || end <= now)
        {
            errors.Add("the silence must end after it starts and in the future");
        }
        else if (end - starts > MaxDuration)
        {
            errors.Add($"a silence may last at most {MaxDuration.TotalDays:0} days");
        }

        if (errors.Count > 0)
        {
            return Errors(errors);
        }

        if (silences.All.Count(s => s.EndsAt > now) >= MaxUnexpired)
        {
            return Results.Json(new { errors = new[] { $"{MaxUnexpired} silences are pending or active already: expire some first" } }, statusCode: StatusCodes.Status409Conflict);
        }

        var silence = new Silence(Guid.NewGuid().ToString("n")[..12], matchers, starts, ends!.Value, caller.Name, request.Comment!.Trim(), now);
        if (!InScope(caller, silence))
        {
            return AuditEntry.OutOfScope(caller, silence.Cluster);
        }

        store.SaveSilence(silence, AuditEntry.For(http, caller, now, "silence.create", silence.Id, Describe(silence)));
        silences.Upsert(silence);
        return Results.Json(View(silence, now), statusCode: StatusCodes.Status201Created);
    }

    private static IResult Expire(HttpContext http, string id, SilenceBook silences, IStateStore store, TimeProvider time)
    {
        var caller = Caller.Of(http)!;
        if (silences.Find(id) is not { } silence)
        {
            return Results.NotFound();
        }

        if (!InScope(caller, silence))
        {
            return AuditEntry.OutOfScope(caller, silence.Cluster);
        }

        var now = time.GetUtcNow();
        if (silence.EndsAt <= now)
        {
            return Results.Json(new { errors = new[] { "the silence has already expired" } }, statusCode: StatusCodes.Status409Conflict);
        }

        var expired = silence with { EndsAt = now < silence.StartsAt ? silence.StartsAt : now, UpdatedAt = now };
        store.SaveSilence(expired, AuditEntry.For(http, caller, now, "silence.expire", id, Describe(expired)));
        silences.Upsert(expired);
        return Results.NoContent();
    }

    private static object View(Silence s, DateTimeOffset now) => new
    {
        id = s.Id,
        matchers = s.Matchers.Select(m => m.ToString()),
        startsAt = s.StartsAt,
        endsAt = s.EndsAt,
        createdBy = s.CreatedBy,
        comment = s.Comment,
        updatedAt = s.UpdatedAt,
        status = s.StatusAt(now),
    };

    private static object Describe(Silence s) => new
    {
        matchers = s.Matchers.Select(m => m.ToString()),
        s.StartsAt,
        s.EndsAt,
        s.Comment,
    };

    /// <summary>Every-cluster tokens may silence anything; others only silences pinned to one of their clusters.</summary>
    private static bool InScope(Caller caller, Silence silence) =>
        caller.Clusters.IsAll || (silence.Cluster is { } cluster && caller.Clusters.Allows(cluster));

    private static IResult Errors(IReadOnlyList<string> errors) =>
        Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest);
}
