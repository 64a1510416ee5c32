using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Muting;

public class MaintenanceWindowTests
{
    private static Otlp NodeTwoDown() => PolicyCases.NodeStates(PolicyCases.Healthy(), down: "node-2");

    [Fact]
    public void InsideANodeWindow_NodeDownKeepsItsIdentity_IsMutedByTheWindow_AndNothingCriticalIsSent()
    {
        var harness = new AlertingHarness();
        var now = harness.Time.GetUtcNow();
        harness.Schedule.Upsert(new MaintenanceWindow("api:1", "patch node-2", "c1", "node-2", null, null, now, now + TimeSpan.FromHours(2), null, "KB5031234"));

        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));

        var nodeDown = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
        Assert.Equal("critical", nodeDown.Severity); // muting never rewrites labels (Alertmanager's model)
        Assert.Equal(AlertState.Firing, nodeDown.State);
        // The window makes node-2's AzLocalNodeMaintenance fire, which inhibits that node's alerts first (inhibition is
        // the first stage); the window itself would mute it too.
        Assert.Equal("AzLocalNodeMaintenance (node-2)", nodeDown.MutedBy);
        Assert.Equal(MuteStage.Inhibition, nodeDown.MutedStage);
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["severity"] == "critical");
        Assert.Contains(harness.Alerts(), a => a.Name == "AzLocalNodeMaintenance" && a.Labels.Get("node") == "node-2" && a.State == AlertState.Firing);
        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeMaintenance" && n.Labels["severity"] == "info");
    }

    [Fact]
    public void WhenTheWindowEnds_TheSameCriticalAlert_StillFiring_PagesOnce_WithItsOriginalStart()
    {
        var harness = new AlertingHarness();
        var now = harness.Time.GetUtcNow();
        harness.Schedule.Upsert(new MaintenanceWindow("api:1", "patch", "c1", null, null, null, now, now + TimeSpan.FromMinutes(3), null, null));
        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));
        Assert.Contains(harness.Alerts(), a => a.Name == "AzLocalMaintenanceWindow" && a.State == AlertState.Firing);
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeDown");
        var during = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalNodeDown");

        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(2));

        var after = Assert.Single(harness.Alerts(), a => a.Name == "AzLocalNodeDown");
        Assert.Same(during, after); // one alert across the window's end: no resolve, no new identity
        Assert.Null(after.MutedBy);
        var sent = harness.Notifier.Named("AzLocalNodeDown").ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, n => Assert.Equal(("critical", during.FiredAt), (n.Labels["severity"], (DateTimeOffset?)n.StartsAt)));
        Assert.Contains(harness.Alerts(), a => a.Name == "AzLocalMaintenanceWindow" && a.State == AlertState.Inactive);
    }

    [Fact]
    public void OtherNodesOutsideANodeWindow_StillPage()
    {
        var harness = new AlertingHarness();
        var now = harness.Time.GetUtcNow();
        harness.Schedule.Upsert(new MaintenanceWindow("api:1", "patch node-3", "c1", "node-3", null, null, now, now + TimeSpan.FromHours(1), null, null));

        harness.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(1));

        Assert.Contains(harness.Notifier.Sent, n => n.Labels["alertname"] == "AzLocalNodeDown" && n.Labels["severity"] == "critical");
    }

    [Theory]
    [InlineData("0 0 22 ? * TUE", "2026-11-24T23:30:00Z", true)] // Quartz format, Tuesday 22:00 + 4h
    [InlineData("0 0 22 ? * TUE", "2026-11-25T02:30:00Z", false)]
    [InlineData("0 22 * * 2", "2026-11-24T22:00:00Z", true)] // Unix format, the start instant is inside
    [InlineData("0 22 * * 2", "2026-11-24T21:59:59Z", false)]
    public void Cron_ActiveAt_FollowsTheExpressionAndDuration(string cron, string at, bool active)
    {
        var window = new MaintenanceWindow("config:w", "w", "c1", null, cron, TimeSpan.FromHours(4), null, null, null, null);

        Assert.Empty(MaintenanceCalendar.Validate(window));
        Assert.Equal(active, MaintenanceCalendar.ActiveAt(window, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)) is not null);
    }

    [Fact]
    public void Cron_NextChange_IsTheNextStartOrTheEnd()
    {
        var window = new MaintenanceWindow("config:w", "w", "c1", null, "0 0 22 ? * TUE", TimeSpan.FromHours(4), null, null, null, null);
        var monday = DateTimeOffset.Parse("2026-11-23T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse("2026-11-24T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture), MaintenanceCalendar.NextChange(window, monday));
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            MaintenanceCalendar.NextChange(window, DateTimeOffset.Parse("2026-11-24T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("every tuesday", "4h", "neither a Unix cron expression")]
    [InlineData("0 22 * * 2", null, "positive duration")]
    public void Validate_ExplainsWhatIsWrong(string cron, string? duration, string expected)
    {
        var window = new MaintenanceWindow("x", "x", "c1", null, cron, duration is null ? null : TimeSpan.FromHours(4), null, null, null, null);

        Assert.Contains(MaintenanceCalendar.Validate(window), e => e.Contains(expected, StringComparison.Ordinal));
    }
}
