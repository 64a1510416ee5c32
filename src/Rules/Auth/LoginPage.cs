using System.Text;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>
/// <c>/ui/login</c>: the web dashboard asks for a token once, keeps it in an HttpOnly, SameSite=Strict cookie (the
/// page's script never sees it) and goes back to <c>/ui/</c>. The cookie works for reads only (see <see cref="BearerTokenHandler"/>).
/// </summary>
public static class LoginPage
{
    public const string Path = "/ui/login";

    /// <summary>Maps GET (the form) and POST (the token) without authentication.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, () => Results.Content(Html(failed: false), "text/html; charset=utf-8")).AllowAnonymous();
        app.MapPost(Path, SignInAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, TokenBook tokens)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        var token = form["token"].ToString().Trim();
        if (token.Length == 0 || tokens.Find(token) is null)
        {
            return Results.Content(Html(failed: true), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status401Unauthorized);
        }

        http.Response.Cookies.Append(BearerTokenHandler.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromHours(12),
        });
        return Results.Redirect("/ui/");
    }

    /// <summary>The sign-in form (no script, posts to itself).</summary>
    public static string Html(bool failed) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in · AzLocalMonitor</title></head><body>" +
        "<h1>AzLocalMonitor</h1><p>Rules requires a token (a viewer token is enough to read).</p>" +
        (failed ? "<p><strong>That token is not valid.</strong></p>" : string.Empty) +
        $"<form method=\"post\" action=\"{Path}\"><label>Token <input type=\"password\" name=\"token\" autocomplete=\"off\" autofocus></label> " +
        "<button type=\"submit\">Sign in</button></form></body></html>";
}
