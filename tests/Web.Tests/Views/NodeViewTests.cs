using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

[Collection(DashboardCollection.Name)]
public class NodeViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Node_ShowsStateVmsMemoryDisksAndCharts()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/node/hq-3node/hq-node-1");

        var p = page.Page;
        await Assertions.Expect(p.Locator("h1")).ToContainTextAsync("hq-node-1");
        await Assertions.Expect(p.Locator(".stat", new() { HasText = "state" }).First).ToContainTextAsync("up");
        await Assertions.Expect(p.Locator(".stat", new() { HasText = "running VMs" })).ToContainTextAsync("18");
        await Assertions.Expect(p.Locator(".stat", new() { HasText = "memory used" })).ToContainTextAsync("of 512 GiB");
        await Assertions.Expect(page.Section("Physical disks").Locator("tr", new() { HasText = "capacity" })).ToContainTextAsync("SSD");
        await Assertions.Expect(p.Locator("figure.chart .uplot")).ToHaveCountAsync(5);
        Assert.All(await page.ChartCanvasAreasAsync(), area => Assert.True(area > 0));
        await Assertions.Expect(p.Locator("figure.chart", new() { HasText = "Network round trip" })).ToContainTextAsync("storage → hq-node-2");
        await page.ScreenshotAsync("node");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Node_Down_ShowsDownAndItsAlert()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/node/hq-3node/hq-node-3");

        await Assertions.Expect(page.Page.Locator(".stat", new() { HasText = "state" }).First).ToContainTextAsync("down");
        await Assertions.Expect(page.Section("Alerts of this node")).ToContainTextAsync("AzLocalNodeDown");
        await page.ScreenshotAsync("node-down");
        page.AssertCleanAndOffline();
    }
}
