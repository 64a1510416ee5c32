using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

[Collection(DashboardCollection.Name)]
public class LiveChartTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Charts_GrowWhileThePageIsOpen()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);
        await page.GoAsync("/ui/node/hq-3node/hq-node-2");
        var cpu = page.Page.Locator("figure.chart", new() { HasText = "CPU" }).First;
        await cpu.Locator(".uplot").WaitForAsync();
        var before = int.Parse(await cpu.GetAttributeAsync("data-points") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before >= FleetFeed.BackfillTicks, $"expected the back-filled history, got {before} points");

        // The page polls every 5 s and the feed reports every second.
        await page.Page.WaitForFunctionAsync(
            "n => Number(document.querySelector('figure.chart').dataset.points) > n",
            before,
            new PageWaitForFunctionOptions { Timeout = 20_000 });

        page.AssertCleanAndOffline();
    }
}
