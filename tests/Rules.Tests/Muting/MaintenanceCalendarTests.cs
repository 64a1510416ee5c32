using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.Tests.Muting;

/// <summary>
/// Occurrence lookups cost a number of cron lookups logarithmic in the window's duration (counted, not timed), give
/// the same answer as walking every occurrence, and hostile windows are refused up front.
/// </summary>
public class MaintenanceCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, 500, TimeSpan.Zero);

    private static MaintenanceWindow Recurring(string cron, TimeSpan duration) =>
        new("api:w", "w", "c1", null, cron, duration, null, null, null, null);

    /// <summary>The answer by walking every start from now − duration (the old way; fine for short spans).</summary>
    private static DateTimeOffset? LastStartByWalking(string cron, TimeSpan duration, DateTimeOffset now)
    {
        var expression = new Quartz.CronExpression(cron).WithTimeZone(TimeZoneInfo.Utc);
        DateTimeOffset? last = null;
        var probe = now - duration;
        while (expression.GetNextValidTimeAfter(probe) is { } start && start <= now)
        {
            last = start;
            probe = start;
        }

        return last;
    }

    [Fact]
    public void ACronFiringEverySecond_OverTenYears_IsLookedUpInAFewDozenSteps()
    {
        var window = Recurring("* * * * * ?", TimeSpan.FromDays(3650)); // as a hostile client stored it before validation existed

        var active = MaintenanceCalendar.ActiveAt(window, Now, out var lookups);

        Assert.NotNull(active);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero) + TimeSpan.FromDays(3650), active.EndsAt); // the start at 08:00:00
        // log2(3650 days in seconds) ≈ 28.2: two lookups per halving, plus the first and the last. Walking took 315 million.
        Assert.InRange(lookups, 1, 2 * 29 + 2);
    }

    [Theory]
    [InlineData("0 0 22 ? * TUE", 4)]
    [InlineData("0 */5 * * * ?", 1)]
    [InlineData("0 0 8 * * ?", 2)]
    [InlineData("0 30 7 ? * SUN", 48)]
    [InlineData("0 0/17 * * * ?", 200)]
    public void TheLastStart_IsTheOneWalkingEveryOccurrenceFinds(string cron, int hours)
    {
        var duration = TimeSpan.FromHours(hours);
        for (var step = 0; step < 200; step++)
        {
            var now = Now + TimeSpan.FromMinutes(step * 37);

            var expected = LastStartByWalking(cron, duration, now);
            var active = MaintenanceCalendar.ActiveAt(Recurring(cron, duration), now);

            Assert.Equal(expected is { } start ? start + duration : null, active?.EndsAt);
        }
    }

    [Theory]
    [InlineData("* * * * * ?", "4h", "windows may start at most once a minute")]
    [InlineData("0/30 * * * * ?", "4h", "windows may start at most once a minute")]
    [InlineData("0 0 22 ? * TUE", "3650d", "at most 31 days")]
    public void HostileRecurringWindows_AreRefused(string cron, string duration, string problem)
    {
        Assert.True(DurationText.TryParse(duration, out var length));

        var problems = MaintenanceCalendar.Validate(Recurring(cron, length)).ToList();

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void AOneOffWindowOfYears_IsRefused() =>
        Assert.Contains(MaintenanceCalendar.Validate(new MaintenanceWindow("api:w", "w", "c1", null, null, null, Now, Now.AddYears(10), null, null)),
            p => p.Contains("at most 31 days", StringComparison.Ordinal));

    [Theory]
    [InlineData("99999999999999d")]
    [InlineData("1e300w")]
    [InlineData("30000000d")]
    public void DurationsTooLongForATimeSpan_AreNotDurations(string text) =>
        Assert.False(DurationText.TryParse(text, out _));
}
