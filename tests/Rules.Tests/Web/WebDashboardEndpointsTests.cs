using System.Net;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Rules.Web;

namespace AzLocalMonitor.Rules.Tests.Web;

/// <summary>The dashboard's files and view routes, served by the real app from the embedded bundle.</summary>
public class WebDashboardEndpointsTests
{
    [Theory]
    [InlineData("/ui/")]
    [InlineData("/ui/alerts")]
    [InlineData("/ui/cluster/c1")]
    [InlineData("/ui/node/c1/node-1")]
    [InlineData("/ui/capacity/c1")]
    public async Task ViewRoutes_ServeThePage_WithAPolicyThatKeepsItOffline(string path)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script defer src=\"/ui/assets/app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("/ui/assets/app.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(WebDashboardEndpoints.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("app.js", "text/javascript", "u-legend")]
    [InlineData("app.js", "text/javascript", "/api/v1/series")]
    [InlineData("app.css", "text/css", ".uplot")]
    public async Task Assets_AreServedWithTheirTypes(string file, string mediaType, string expected)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.GetAsync(new Uri($"/ui/assets/{file}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_RevalidateByETag()
    {
        await using var rules = await RunningRules.StartAsync();
        using var first = await rules.Client.GetAsync(new Uri("/ui/assets/app.js", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ui/assets/app.js", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await rules.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/ui/assets/missing.js")]
    [InlineData("/ui/assets/index.html")]
    public async Task UnknownAssets_Are404(string path)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UiWithoutSlash_RedirectsToTheFleet()
    {
        await using var rules = await RunningRules.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = rules.BaseAddress };

        using var response = await client.GetAsync(new Uri("/ui", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Bundle_IsEmbedded()
    {
        var assets = WebAssets.FromRules();

        Assert.Equal(["app.css", "app.js", "index.html"], assets.Names.Order(StringComparer.Ordinal));
    }
}
