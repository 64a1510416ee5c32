using System.Diagnostics;
using AzLocalMonitor.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AzLocalMonitor.Web.Tests.Views;

/// <summary>
/// The NOC view with 500 clusters (issue 16): worst first, counts of the alerts that page by severity and clusters
/// hit, search and filter, a cluster's alert history with runbooks and Grafana links. Expected numbers come from
/// <see cref="LargeFleet"/>'s rules (which index is broken how), never from Rules' API. A screenshot per view goes to
/// artifacts/screenshots (fleet-500*.png, cluster-history.png, alerts-500.png).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class Fleet500Tests(DashboardFixture fixture, LargeFleet fleet, ITestOutputHelper output) : IClassFixture<LargeFleet>
{
    private static readonly int Red = LargeFleet.Indexes.Count(i => LargeFleet.QuorumLost(i) || LargeFleet.NodeDown(i));
    private static readonly int Amber = LargeFleet.Indexes.Count(LargeFleet.CpuHigh);

    [Fact]
    public async Task Fleet_Of500_IsWorstFirst_CountsWhatPages_AndFilters()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, fleet.BaseAddress);
        var p = page.Page;

        var watch = Stopwatch.StartNew();
        await page.GoAsync("/ui/");
        output.WriteLine($"fleet view with {LargeFleet.Size} clusters loaded in {watch.ElapsedMilliseconds} ms (information only: no timed assertion)");

        await Assertions.Expect(p.Locator(".tile")).ToHaveCountAsync(LargeFleet.Size);
        await Assertions.Expect(p.Locator(".fleet-levels")).ToContainTextAsync($"{LargeFleet.Size} clusters: {Red} red {Amber} amber {LargeFleet.Size - Red - Amber} green");
        await Assertions.Expect(p.Locator(".fleet-severity[data-severity='critical']")).ToHaveTextAsync($"{Red} critical in {Red} clusters");
        await Assertions.Expect(p.Locator(".fleet-severity[data-severity='warning']")).ToHaveTextAsync($"{Amber} warning in {Amber} clusters");
        await Assertions.Expect(p.Locator(".fleet-severity[data-severity='info']")).ToHaveTextAsync("0 info in 0 clusters");

        // Worst first: every red tile before every amber one, every amber before every green one.
        var levels = await p.Locator(".tile").EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.dataset.level)");
        Assert.Equal([.. Enumerable.Repeat("bad", Red), .. Enumerable.Repeat("warn", Amber), .. Enumerable.Repeat("ok", LargeFleet.Size - Red - Amber)], levels);
        await page.ScreenshotAsync("fleet-500");
        await page.ScreenshotAsync("fleet-500-wall", fullPage: false);

        await p.Locator("#fleet-search").FillAsync("fleet-042");
        await Assertions.Expect(p.Locator(".tile")).ToHaveCountAsync(1);
        await Assertions.Expect(p.Locator(".tile .tile-name")).ToHaveTextAsync("fleet-042");
        await Assertions.Expect(p.Locator("#fleet-shown")).ToHaveTextAsync($"showing 1 of {LargeFleet.Size}");

        await p.Locator("#fleet-search").FillAsync(string.Empty);
        await p.Locator("#fleet-show").SelectOptionAsync("attention");
        await Assertions.Expect(p.Locator(".tile")).ToHaveCountAsync(Red + Amber);
        Assert.Contains("show=attention", p.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync("fleet-500-attention");

        // The filter lives in the URL: a reload (or a bookmarked wall) keeps it.
        await page.GoAsync("/ui/?show=bad");
        await Assertions.Expect(p.Locator(".tile")).ToHaveCountAsync(Red);
        await Assertions.Expect(p.Locator("#fleet-show")).ToHaveValueAsync("bad");
        await Assertions.Expect(p.Locator(".grafana-links a[data-grafana='azlm-fleet-overview']")).ToHaveAttributeAsync("href", $"{LargeFleet.GrafanaUrl}/d/azlm-fleet-overview");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Cluster_ShowsItsAlertHistory_WithRunbooks_AndGrafanaLinks()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, fleet.BaseAddress);
        var p = page.Page;

        await page.GoAsync($"/ui/cluster/{LargeFleet.HistoryCluster}");

        var history = page.Section("Alert history");
        var steps = history.Locator("li[data-alert='AzLocalNodeDown']");
        await Assertions.Expect(steps).ToHaveCountAsync(3);
        Assert.Equal(["resolved", "muted", "firing"], await steps.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.phase)"));
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("muted by");
        await Assertions.Expect(steps.First).ToContainTextAsync("node=n2");
        await steps.First.Locator("details.runbook summary").ClickAsync();
        await Assertions.Expect(steps.First.Locator("details.runbook li").First).ToContainTextAsync("Collect:");
        await Assertions.Expect(history.Locator(".history-span")).Not.ToHaveCountAsync(0);

        await Assertions.Expect(p.Locator(".grafana-links a[data-grafana='azlm-cluster-overview']"))
            .ToHaveAttributeAsync("href", $"{LargeFleet.GrafanaUrl}/d/azlm-cluster-overview?var-cluster={LargeFleet.HistoryCluster}");
        await page.ScreenshotAsync("cluster-history");
        page.AssertCleanAndOffline();
    }

    [Fact]
    public async Task Alerts_Of500Clusters_ListEveryPagingAlert()
    {
        await using var page = await DashboardPage.OpenAsync(fixture.Browser, fleet.BaseAddress);

        await page.GoAsync("/ui/alerts");

        await Assertions.Expect(page.Page.Locator("tr", new() { Has = page.Page.Locator("strong.alertname:text-is('AzLocalQuorumLost')") }))
            .ToHaveCountAsync(LargeFleet.Indexes.Count(LargeFleet.QuorumLost));
        await Assertions.Expect(page.Page.Locator("tr", new() { Has = page.Page.Locator("strong.alertname:text-is('AzLocalCpuHigh')") }))
            .ToHaveCountAsync(Amber);
        await page.ScreenshotAsync("alerts-500");
        page.AssertCleanAndOffline();
    }
}
