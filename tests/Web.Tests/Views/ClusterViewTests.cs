using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

[Collection(DashboardCollection.Name)]
public class ClusterViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Cluster_ShowsQuorumNodesVolumesRepairChartsAndItsAlerts()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/cluster/hq-3node");

        var p = page.Page;
        await Assertions.Expect(p.Locator(".stats")).ToContainTextAsync("held");
        await Assertions.Expect(p.Locator(".stats")).ToContainTextAsync("3 / 4");
        await Assertions.Expect(p.Locator(".stats")).ToContainTextAsync("cloud: ok");
        await Assertions.Expect(page.Section("Nodes").Locator("tr", new() { HasText = "hq-node-3" })).ToContainTextAsync("down");
        await Assertions.Expect(page.Section("Nodes").Locator("tr", new() { HasText = "hq-node-1" })).ToContainTextAsync("up");
        await Assertions.Expect(page.Section("Volumes").Locator("tr", new() { HasText = "vm-volume-01" })).ToContainTextAsync("degraded");
        await Assertions.Expect(page.Section("Volumes").Locator("tr", new() { HasText = "vm-volume-02" })).ToContainTextAsync("healthy");
        await Assertions.Expect(page.Section("Repair jobs").Locator("tr", new() { HasText = "Repair vm-volume-01" })).ToContainTextAsync("of 400 GiB");
        await Assertions.Expect(page.Section("Alerts of this cluster")).ToContainTextAsync("AzLocalNodeDown");
        await Assertions.Expect(page.Section("Alerts of this cluster")).Not.ToContainTextAsync("AzLocalQuorumLost");
        await Assertions.Expect(p.Locator("figure.chart .uplot")).ToHaveCountAsync(4);
        Assert.All(await page.ChartCanvasAreasAsync(), area => Assert.True(area > 0));
        await Assertions.Expect(p.Locator("figure.chart", new() { HasText = "CPU by node" })).ToContainTextAsync("hq-node-2");
        await Assertions.Expect(p.Locator("figure.chart", new() { HasText = "CPU by node" }).Locator(".u-legend")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"hq-node-1:?\s*\d+%"));
        await page.ScreenshotAsync("cluster");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Cluster_Unknown_SaysItHasNotReported()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/cluster/no-such-cluster");

        await Assertions.Expect(page.Page.Locator("#view")).ToContainTextAsync("Cluster no-such-cluster has not reported to Rules.");
        page.AssertCleanAndOffline();
    }
}
