using Microsoft.Net.Http.Headers;

namespace AzLocalMonitor.Rules.Web;

/// <summary>
/// The built-in web dashboard at <c>/ui/</c>: the bundle's files at <c>/ui/assets/{file}</c>, and the page for
/// every view route (<c>/ui/</c>, <c>/ui/cluster/{name}</c>, <c>/ui/node/{cluster}/{node}</c>, <c>/ui/alerts</c>,
/// <c>/ui/capacity/{cluster}</c>), which the page's script routes itself.
/// </summary>
public static class WebDashboardEndpoints
{
    /// <summary>The page loads only its own files and talks only to Rules: no CDN, works offline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const string IndexFile = "index.html";

    /// <summary>
    /// <c>GET /api/v1/web/config</c>: what the page needs from Rules' configuration: the Grafana base URL (no trailing
    /// slash; empty when not configured) it links its views to.
    /// </summary>
    public static IResult Config(Microsoft.Extensions.Options.IOptions<WebOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Results.Json(new { grafanaUrl = options.Value.GrafanaUrl.TrimEnd('/') });
    }

    /// <summary>Maps the dashboard's routes.</summary>
    public static IEndpointRouteBuilder MapWebDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var assets = WebAssets.FromRules();
        endpoints.MapGet("/ui/assets/{file}", (string file, HttpContext context) =>
            assets.Find(file) is { } asset && file != IndexFile ? Serve(context, asset) : Results.NotFound());

        // Also matches /ui (routing ignores a trailing slash): send that to /ui/ so relative paths agree.
        endpoints.MapGet("/ui/{**view}", (HttpContext context) =>
            context.Request.Path.Value == "/ui" ? Results.Redirect("/ui/")
            : assets.Find(IndexFile) is { } page ? Serve(context, page)
            : Results.Problem("The dashboard bundle is missing from this build.", statusCode: 500));
        return endpoints;
    }

    private static IResult Serve(HttpContext context, WebAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var ifNoneMatch = context.Request.Headers[HeaderNames.IfNoneMatch];
        if (ifNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == asset.ETag)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
