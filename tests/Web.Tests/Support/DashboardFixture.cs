using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// Rules on a free loopback port fed by the simulated fleet, and Debian's Chromium (headless) under Playwright.
/// The browser is the system one: <c>/usr/bin/chromium</c>, or <c>AZLM_CHROMIUM</c>; Playwright never downloads one.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private RunningRules? _rules;
    private FleetFeed? _feed;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _rules?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("AZLM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: run scripts/install-deps.sh (Debian package chromium) or set AZLM_CHROMIUM.");
        }

        _rules = await RunningRules.StartAsync();
        _feed = new FleetFeed(_rules.Client);
        await _feed.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }

        if (_rules is not null)
        {
            await _rules.DisposeAsync();
        }
    }
}
