using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

[Collection(DashboardCollection.Name)]
public class AlertsViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Alerts_ListsFiringAndPending_WithSeveritySummaryAndRunbook()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);

        await page.GoAsync("/ui/alerts");

        var p = page.Page;
        ILocator Row(string alert) => p.Locator("tr", new() { Has = p.Locator($"strong.alertname:text-is('{alert}')") });
        var quorum = Row("AzLocalQuorumLost");
        await Assertions.Expect(quorum).ToContainTextAsync("critical");
        await Assertions.Expect(quorum).ToContainTextAsync("firing");
        await Assertions.Expect(quorum).ToContainTextAsync("Cluster retail-07 has lost quorum");
        var nodeDown = Row("AzLocalNodeDown").Filter(new() { HasText = "hq-node-3" });
        await Assertions.Expect(nodeDown).ToContainTextAsync("Node hq-node-3 of cluster hq-3node is down");
        await Assertions.Expect(Row("AzLocalStorageDegraded").First).ToContainTextAsync("hq-3node");
        // One incident, one page: the degraded storage of hq-3node is a consequence of hq-node-3 being down.
        await Assertions.Expect(Row("AzLocalStorageDegraded").First.Locator(".muted-by")).ToContainTextAsync("muted by AzLocalNodeDown (hq-node-3)");
        await Assertions.Expect(quorum.Locator(".muted-by")).ToHaveCountAsync(0);
        await Assertions.Expect(p.Locator(".summary")).ToContainTextAsync("firing");

        await quorum.Locator("details.runbook summary").ClickAsync();
        await Assertions.Expect(quorum.Locator("details.runbook li").First).ToContainTextAsync("Collect:");
        await page.ScreenshotAsync("alerts");
        page.AssertCleanAndOffline();
    }
}
