using System.Text.Json;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.State;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// Builds audit records that name the authenticated caller (the token's name), never a header the client chose.
/// The <see cref="OnBehalfOfHeader"/> header is kept as what it is, a comment ("on behalf of"), with the remote address.
/// </summary>
public static class AuditEntry
{
    /// <summary>Optional header: the person a shared automation token acts for. Recorded as a comment, never as the actor.</summary>
    public const string OnBehalfOfHeader = "X-AzLM-Actor";

    /// <summary>An audit record for <paramref name="action"/> on <paramref name="subject"/> by the caller of <paramref name="http"/>.</summary>
    public static AuditRecord For(HttpContext http, Caller caller, DateTimeOffset at, string action, string subject, object details)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        var onBehalfOf = http.Request.Headers[OnBehalfOfHeader].ToString().Trim();
        return new AuditRecord(0, at, caller.Name, action, subject, JsonSerializer.Serialize(new
        {
            details,
            remoteAddress = caller.RemoteAddress,
            onBehalfOf = onBehalfOf.Length == 0 ? null : onBehalfOf[..Math.Min(onBehalfOf.Length, 200)],
        }));
    }

    /// <summary>403 with the reason, for a caller whose token does not cover <paramref name="cluster"/>.</summary>
    public static IResult OutOfScope(Caller caller, string? cluster) =>
        Results.Json(new { errors = new[] { $"token '{caller.Name}' may act on clusters '{caller.Clusters}', not on '{cluster ?? "(every cluster)"}'" } },
            statusCode: StatusCodes.Status403Forbidden);
}
