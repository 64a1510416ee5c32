using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// One browser page on the dashboard: records script errors and every request, so a test can assert the page
/// ran cleanly and fetched nothing from outside Rules; saves screenshots to artifacts/screenshots.
/// </summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _base;

    private DashboardPage(IBrowserContext context, IPage page, Uri baseAddress)
    {
        _context = context;
        Page = page;
        _base = baseAddress;
        page.PageError += (_, error) => Errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    public IPage Page { get; }

    /// <summary>Uncaught exceptions and console errors.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Every URL the page requested.</summary>
    public List<string> Requests { get; } = [];

    public static Task<DashboardPage> OpenAsync(DashboardFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return OpenAsync(fixture.Browser, fixture.BaseAddress);
    }

    /// <summary>A page of the shared browser on another Rules (a test's own scenario).</summary>
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Dark,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return new DashboardPage(context, page, baseAddress);
    }

    /// <summary>Opens a dashboard path and waits until its view has loaded its data once.</summary>
    public async Task GoAsync(string path)
    {
        var response = await Page.GotoAsync(new Uri(_base, path).ToString());
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await Page.Locator("#view[data-loaded='true']").WaitForAsync();
    }

    /// <summary>Saves a screenshot (full page, or the viewport: what a wall screen shows) to artifacts/screenshots/{name}.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(RepositoryPaths.Screenshots, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 10_000, $"screenshot {path} is suspiciously small");
        return path;
    }

    /// <summary>The panel titled exactly <paramref name="title"/>.</summary>
    public ILocator Section(string title) => Page.Locator($"section.panel:has(> h2:text-is('{title}'))");

    /// <summary>Width × height of every uPlot canvas on the page.</summary>
    public Task<int[]> ChartCanvasAreasAsync() =>
        Page.Locator(".uplot canvas").EvaluateAllAsync<int[]>("canvases => canvases.map(c => c.width * c.height)");

    /// <summary>The page ran without script errors and requested only Rules.</summary>
    public void AssertCleanAndOffline()
    {
        Assert.Empty(Errors);
        Assert.NotEmpty(Requests);
        Assert.All(Requests, url => Assert.StartsWith(_base.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
