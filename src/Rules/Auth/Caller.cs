using System.Security.Claims;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>
/// The authenticated caller of a request: the token's name (what the audit trail records), its clusters and the
/// remote address. Set by <see cref="BearerTokenHandler"/>; never taken from a header the client chose.
/// </summary>
public sealed record Caller(string Name, ClusterScope Clusters, string? RemoteAddress)
{
    /// <summary>The caller in <c>Auth:Mode=none</c>: may do everything, and the audit trail says so.</summary>
    public const string AnonymousName = "anonymous";

    /// <summary>The caller of <paramref name="http"/>, or null when the request is not authenticated.</summary>
    public static Caller? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(typeof(Caller), out var caller) ? caller as Caller : null;
    }

    /// <summary>Builds the principal ASP.NET Core's authorization reads (name and role claims).</summary>
    internal ClaimsPrincipal ToPrincipal(IEnumerable<string> roles, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
