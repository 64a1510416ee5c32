using System.Text.RegularExpressions;
using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

/// <summary>
/// The NOC view counts and colours by the alerts that page: muted ones are "+N muted", never counted as firing and
/// never colouring a tile; a cluster's nodes are its members. Expected values are counted by hand from
/// <see cref="NocScenario"/>: noc-down has 1 unmuted critical (NodeDown n3) and 4 inhibited criticals (storage);
/// noc-quiet has only a silenced critical (a failed disk); noc-window the same critical muted by its maintenance
/// window, and the window's own info alert.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class NocCountsTests(DashboardFixture fixture) : IAsyncLifetime
{
    private NocScenario? _scenario;

    private NocScenario Scenario => _scenario ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _scenario = await NocScenario.StartAsync();

    public async Task DisposeAsync()
    {
        if (_scenario is not null)
        {
            await _scenario.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fleet_CountsOnlyUnmutedAlerts_AndShowsMutedApart()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, Scenario.BaseAddress);

        await page.GoAsync("/ui/");

        var down = page.Page.Locator($".tile[data-cluster='{NocScenario.Down}']");
        await Assertions.Expect(down.Locator("dl .pill")).ToHaveTextAsync(["1 critical"]);
        await Assertions.Expect(down.Locator("dl")).ToContainTextAsync("+4 muted");
        await Assertions.Expect(down).ToContainTextAsync("2 / 3");
        var quiet = page.Page.Locator($".tile[data-cluster='{NocScenario.Quiet}']");
        await Assertions.Expect(quiet.Locator("dl .pill")).ToHaveCountAsync(0);
        await Assertions.Expect(quiet.Locator("dl")).ToContainTextAsync("none firing +1 muted");
        await Assertions.Expect(quiet).ToContainTextAsync("3 / 3");
        var window = page.Page.Locator($".tile[data-cluster='{NocScenario.Window}']");
        await Assertions.Expect(window.Locator("dl .pill")).ToHaveTextAsync(["1 info"]);
        await Assertions.Expect(window.Locator("dl")).ToContainTextAsync("+1 muted");
        await page.ScreenshotAsync("fleet-muted");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Fleet_ColoursTilesByTheAlertsThatPage()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, Scenario.BaseAddress);

        await page.GoAsync("/ui/");

        // noc-quiet, noc-window: every member up, storage healthy, the critical muted (silence, window): green.
        // noc-down: a node down: red.
        await Assertions.Expect(page.Page.Locator($".tile[data-cluster='{NocScenario.Quiet}']")).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Assertions.Expect(page.Page.Locator($".tile[data-cluster='{NocScenario.Window}']")).ToHaveClassAsync(new Regex(@"\bok\b"));
        await Assertions.Expect(page.Page.Locator($".tile[data-cluster='{NocScenario.Down}']")).ToHaveClassAsync(new Regex(@"\bbad\b"));
        await Assertions.Expect(page.Page.Locator(".summary")).ToContainTextAsync("3 clusters: 1 red 0 amber 2 green");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Cluster_ListsMembersOnly_AndCountsUnmutedAlerts()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, Scenario.BaseAddress);

        await page.GoAsync($"/ui/cluster/{NocScenario.Down}");

        var nodes = page.Section("Nodes").Locator("tbody tr td:first-child");
        await Assertions.Expect(nodes).ToHaveTextAsync(["n1", "n2", "n3"]);
        var stats = page.Page.Locator(".stats");
        await Assertions.Expect(stats.Locator(".stat", new() { HasText = "nodes up" })).ToContainTextAsync("2 / 3");
        var alerts = stats.Locator(".stat", new() { HasText = "alerts" });
        await Assertions.Expect(alerts.Locator(".pill")).ToHaveTextAsync(["1 critical"]);
        await Assertions.Expect(alerts).ToContainTextAsync("+4 muted");
        await Assertions.Expect(page.Section("Alerts of this cluster").Locator(".muted-by")).ToHaveCountAsync(4);
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Alerts_SummaryCountsWhatPages_AndMutedApart()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, Scenario.BaseAddress);

        await page.GoAsync("/ui/alerts");

        // Unmuted firing: NodeDown (noc-down n3), MaintenanceWindow (noc-window, info). Muted: 4 StorageDegraded
        // (inhibited), PhysicalDiskFailed on noc-quiet (silenced) and on noc-window (maintenance).
        await Assertions.Expect(page.Page.Locator(".summary .pill")).ToHaveTextAsync(["2 firing", "0 pending"]);
        await Assertions.Expect(page.Page.Locator(".summary")).ToContainTextAsync("+6 muted");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Alerts_EachMutedRowSaysItsStage()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, Scenario.BaseAddress);

        await page.GoAsync("/ui/alerts");

        var p = page.Page;
        ILocator Row(string alert) => p.Locator("tr", new() { Has = p.Locator($"strong.alertname:text-is('{alert}')") });
        await Assertions.Expect(Row("AzLocalNodeDown").Locator(".muted-by")).ToHaveCountAsync(0);
        var storage = Row("AzLocalStorageDegraded");
        await Assertions.Expect(storage).ToHaveCountAsync(4);
        await Assertions.Expect(storage.Locator(".muted-by")).ToHaveTextAsync(Enumerable.Repeat(new Regex(@"^inhibited\b.*muted by AzLocalNodeDown \(n3\)$"), 4).ToArray());
        var disks = Row("AzLocalPhysicalDiskFailed");
        await Assertions.Expect(disks.Filter(new() { HasText = NocScenario.Quiet }).Locator(".muted-by")).ToHaveTextAsync(new Regex(@"^silenced\b.*muted by silence \w+ by anonymous$"));
        await Assertions.Expect(disks.Filter(new() { HasText = NocScenario.Window }).Locator(".muted-by")).ToHaveTextAsync(new Regex(@"^maintenance\b.*muted by maintenance window firmware$"));
        await Assertions.Expect(Row("AzLocalMaintenanceWindow").Locator(".muted-by")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("alerts-muted");
        page.AssertCleanAndOffline();
    }
}
