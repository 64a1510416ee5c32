using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against the <see cref="TokenBook"/>. For the web
/// dashboard, a GET may carry the token in the <see cref="CookieName"/> cookie instead (set by <c>/ui/login</c>):
/// only reads, so a cookie a browser sends by itself can never write or mute (no cross-site request forgery).
/// 401 with <c>WWW-Authenticate: Bearer</c> without a valid token; 403 when the token lacks the role.
/// </summary>
public sealed class BearerTokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "Bearer";

    /// <summary>The dashboard's cookie (HttpOnly, SameSite=Strict), accepted on GET and HEAD only.</summary>
    public const string CookieName = "azlm_token";

    private static readonly string[] AllRoles = [Roles.Admin, Roles.Operator, Roles.Viewer, Roles.Ingest];
    private readonly TokenBook _tokens;
    private readonly AuthOptions _auth;

    public BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        TokenBook tokens, IOptions<AuthOptions> auth)
        : base(options, logger, encoder)
    {
        ArgumentNullException.ThrowIfNull(auth);
        _tokens = tokens;
        _auth = auth.Value;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress?.ToString();
        if (_auth.Mode == AuthMode.None)
        {
            return Task.FromResult(Success(new Caller(Caller.AnonymousName, ClusterScope.All, remote), AllRoles));
        }

        string? presented = null;
        var header = Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Task.FromResult(AuthenticateResult.Fail("Authorization must be 'Bearer <token>'."));
            }

            presented = header[7..].Trim();
        }
        else if ((HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)) && Request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            presented = cookie;
        }

        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (_tokens.Find(presented) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown token."));
        }

        return Task.FromResult(Success(new Caller(token.Name, token.Clusters, remote), token.Roles));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"AzLocalMonitor\"";
        if (Request.Path.StartsWithSegments("/ui"))
        {
            // A browser lands here: offer the sign-in form instead of a bare 401.
            Response.ContentType = "text/html; charset=utf-8";
            await Response.WriteAsync(LoginPage.Html(failed: false)).ConfigureAwait(false);
            return;
        }

        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync("401: this needs a token: Authorization: Bearer <token> (see docs/security.md).\n").ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.ContentType = "text/plain; charset=utf-8";
        var name = Caller.Of(Context)?.Name ?? "?";
        await Response.WriteAsync($"403: token '{name}' does not hold the role this needs (see docs/security.md).\n").ConfigureAwait(false);
    }

    private AuthenticateResult Success(Caller caller, IEnumerable<string> roles)
    {
        Context.Items[typeof(Caller)] = caller;
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(roles, SchemeName), SchemeName));
    }
}
