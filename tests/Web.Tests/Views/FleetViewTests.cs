using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

[Collection(DashboardCollection.Name)]
public class FleetViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Fleet_ShowsEveryClusterWorstFirst_WithQuorumNodesStorageAndAlerts()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/");
        await page.Page.Locator(".tile[data-cluster='retail-07'] .pill.bad", new() { HasText = "critical" }).WaitForAsync();

        var tiles = page.Page.Locator(".tile");
        // Red first (which red one leads depends on how many of its alerts page yet: hq-3node's NodeDown is pending at first).
        var order = await tiles.EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.cluster)");
        Assert.Equal(["hq-3node", "retail-07"], order[..2].Order());
        Assert.Equal("edge-2node", order[2]);
        var hq = page.Page.Locator(".tile[data-cluster='hq-3node']");
        await Assertions.Expect(hq).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbad\b"));
        await Assertions.Expect(hq).ToContainTextAsync("2 / 3");
        await Assertions.Expect(hq).ToContainTextAsync("1 volume degraded");
        var retail = page.Page.Locator(".tile[data-cluster='retail-07']");
        await Assertions.Expect(retail).ToContainTextAsync("NO QUORUM");
        await Assertions.Expect(retail).ToContainTextAsync("1 / 3");
        var edge = page.Page.Locator(".tile[data-cluster='edge-2node']");
        await Assertions.Expect(edge).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bok\b"));
        await Assertions.Expect(edge).ToContainTextAsync("healthy");
        await Assertions.Expect(page.Page.Locator(".summary")).ToContainTextAsync("3 clusters");
        await page.ScreenshotAsync("fleet");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Fleet_TileOpensTheClusterView()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);
        await page.GoAsync("/ui/");

        await page.Page.Locator(".tile[data-cluster='edge-2node']").ClickAsync();

        await page.Page.WaitForURLAsync("**/ui/cluster/edge-2node");
        await Assertions.Expect(page.Page.Locator("h1")).ToContainTextAsync("edge-2node");
        page.AssertCleanAndOffline();
    }
}
