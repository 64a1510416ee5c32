using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;

namespace AzLocalMonitor.Web.Tests.Views;

/// <summary>
/// The capacity view against the forecast API's shape (src/Rules/Capacity/CapacityDto.cs): the browser answers
/// GET /api/v1/capacity/{cluster} with a fixed forecast in that shape (or a 404), so the chart is deterministic.
/// </summary>
[Collection(DashboardCollection.Name)]
public class CapacityViewTests(DashboardFixture fixture)
{
    private const string CapacityUrl = "**/api/v1/capacity/hq-3node";

    [Fact]
    public async Task Capacity_DrawsHistoryForecastBandAndThreshold_AndTheCrossingDate()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);
        await page.Page.RouteAsync(CapacityUrl, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = ForecastJson(),
        }));

        await page.GoAsync("/ui/capacity/hq-3node");

        var p = page.Page;
        var storage = page.Section("Storage");
        await Assertions.Expect(storage).ToContainTextAsync("P50 crosses 80% on 2027-09-01");
        await Assertions.Expect(storage.Locator(".u-legend")).ToContainTextAsync("P50 forecast");
        await Assertions.Expect(page.Section("Memory")).ToContainTextAsync("stays below 80%");
        await Assertions.Expect(p.Locator(".uplot")).ToHaveCountAsync(2);
        await Assertions.Expect(p.Locator("a.capacity-report")).ToHaveAttributeAsync("href", "/api/v1/capacity/hq-3node/report");
        Assert.All(await page.ChartCanvasAreasAsync(), area => Assert.True(area > 0));
        await page.ScreenshotAsync("capacity");
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Capacity_WithoutAForecast_SaysNoForecastYet()
    {
        await using var page = await DashboardPage.OpenAsync(fixture);
        await page.Page.RouteAsync(CapacityUrl, route => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }));

        await page.GoAsync("/ui/capacity/hq-3node");

        await Assertions.Expect(page.Page.Locator(".no-forecast")).ToContainTextAsync("No forecast yet for hq-3node");
        await page.ScreenshotAsync("capacity-no-forecast");
    }

    /// <summary>12 months of history and an 18-month forecast whose band widens; storage crosses 80%.</summary>
    private static string ForecastJson()
    {
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        object Resource(string name, double from, double slope, string? crossing) => new
        {
            resource = name,
            isRatio = true,
            policy = 0.8,
            method = "holt_winters",
            history = Enumerable.Range(0, 12).Select(m => new { timestamp = Iso(start.AddMonths(m)), value = from + (slope * m) + (0.01 * Math.Sin(m)) }),
            points = Enumerable.Range(11, 19).Select(m => new
            {
                timestamp = Iso(start.AddMonths(m)),
                p10 = from + (slope * m) - (0.006 * (m - 11)),
                p50 = from + (slope * m),
                p90 = from + (slope * m) + (0.008 * (m - 11)),
            }),
            crossing = crossing is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["0.5"] = crossing + "T00:00:00+00:00" },
        };

        return JsonSerializer.Serialize(new
        {
            cluster = "hq-3node",
            resources = new[] { Resource("storage", 0.52, 0.013, "2027-09-01"), Resource("memory", 0.48, 0.004, null) },
        });
    }
}
