using AzLocalMonitor.Rules.Alerting.Policy;

namespace AzLocalMonitor.Rules.Api;

/// <summary><c>GET /api/v1/policy</c> (the rules in force) and <c>POST /api/v1/policy/reload</c>.</summary>
public static class PolicyEndpoints
{
    public static IResult Get(PolicyHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var policy = holder.Current;
        return Results.Json(new
        {
            loadedAt = holder.LoadedAt,
            sources = policy.Sources,
            rules = policy.Rules.Select(r => new
            {
                name = r.Definition.Name,
                severity = r.Definition.Severity,
                condition = r.Definition.Condition,
                threshold = r.Definition.Settings.Threshold,
                @for = DurationText.Format(r.Definition.Settings.For),
                keepFiringFor = DurationText.Format(r.Definition.Settings.KeepFiringFor),
                parameters = r.Definition.Settings.Parameters,
                clusterOverrides = r.Definition.ClusterOverrides.Keys,
                source = r.Definition.Source,
                runbook = r.Definition.Runbook,
            }),
            inhibit = policy.InhibitRules,
            recoveryHolds = policy.RecoveryHolds,
        });
    }

    public static async Task<IResult> ReloadAsync(PolicyWatcher watcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        var errors = await watcher.ReloadAsync(cancellationToken).ConfigureAwait(false);
        return errors.Count == 0
            ? Results.Json(new { status = "reloaded" })
            : Results.Json(new { status = "rejected", errors = errors.Select(e => e.ToString()) }, statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}
