using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;

namespace AzLocalMonitor.Rules.Tests.State;

/// <summary>A restart (a new process on the same SQLite file) neither loses firing alerts nor pages them again.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-state-").FullName;

    private string DbPath => Path.Combine(_directory, "rules.db");

    private static Otlp NodeTwoDown() => PolicyCases.NodeStates(PolicyCases.Healthy().Gauge(Instruments.ClusterVotesPresent, 2), down: "node-2");

    [Fact]
    public void Restart_KeepsFiringAlerts_AndDoesNotPageAgain()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        DateTimeOffset firedAt;
        using (var store = new SqliteStateStore(DbPath))
        {
            var before = new AlertingHarness(state: store, time: time);
            before.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(1));
            var alert = before.Alert("AzLocalNodeDown")!;
            Assert.Equal(AlertState.Firing, alert.State);
            firedAt = alert.FiredAt!.Value;
            Assert.Single(before.Notifier.Named("AzLocalNodeDown"));
        }

        time.Advance(TimeSpan.FromSeconds(20)); // the process is down for 20 s
        using (var store = new SqliteStateStore(DbPath))
        {
            var after = new AlertingHarness(state: store, time: time);
            Assert.True(after.Persistence.Restore(time.GetUtcNow()) > 0);
            after.Run(TimeSpan.FromSeconds(5)); // ticks before any data arrives: nothing resolves
            after.Feed(() => NodeTwoDown().Build(), TimeSpan.FromSeconds(30));

            var alert = after.Alert("AzLocalNodeDown")!;
            Assert.Equal(AlertState.Firing, alert.State);
            Assert.Equal(firedAt, alert.FiredAt);

            // Resends are the same alert (same startsAt, still open): Alertmanager dedupes them, nobody is paged again.
            Assert.All(after.Notifier.Named("AzLocalNodeDown"), n =>
            {
                Assert.Equal(firedAt, n.StartsAt);
                Assert.True(n.EndsAt > time.GetUtcNow());
            });
        }
    }

    [Fact]
    public void Restart_AfterTheIncidentEnded_ResendsNothingFiring_AndSendsTheResolveAtTheEndOfTheWarmUp()
    {
        // An HA replica back after its peer resolved the incident: a firing resend from its restored state would page
        // again (seen in ScaleOut/HaPairTests). During the warm-up it keeps the alert but re-sends nothing.
        var time = new FakeTimeProvider();
        using (var store = new SqliteStateStore(DbPath))
        {
            var before = new AlertingHarness(state: store, time: time);
            before.Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(1));
            Assert.Equal(AlertState.Firing, before.Alert("AzLocalNodeDown")!.State);
        }

        time.Advance(TimeSpan.FromMinutes(3)); // down for 3 min: every resend is overdue when it comes back
        using (var store = new SqliteStateStore(DbPath))
        {
            var after = new AlertingHarness(state: store, time: time);
            Assert.True(after.Persistence.Restore(time.GetUtcNow()) > 0);
            after.Feed(() => PolicyCases.Healthy().Build(), TimeSpan.FromMinutes(2));

            var sent = after.Notifier.Named("AzLocalNodeDown").ToList();
            Assert.DoesNotContain(sent, n => n.EndsAt > time.GetUtcNow()); // nothing firing
            Assert.Contains(sent, n => n.EndsAt <= time.GetUtcNow()); // the resolve
        }
    }

    [Fact]
    public void Restart_AMutedConsequenceWhoseSourceComesBack_IsNotSentBeforeItsSourceReturns()
    {
        // Seen in the demo: a never-sent StorageDegraded (muted while node-2 was away, then in its grace) came back from
        // disk unmuted — muting is not stored, its source not yet re-established — and was sent at the first tick.
        var time = new FakeTimeProvider(TestClock.Start);
        static Otlp Degraded(Otlp otlp) => otlp.StateSet(Instruments.StorageVolumeOperational, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "db"));
        Func<ExportMetricsServiceRequest> Report(AlertingHarness h, Otlp data) => () =>
        {
            h.Ingest(new Otlp("c1", "node-3").Gauge(Instruments.NodeCpuUtilization, 0.3).Build()); // node-3 reports itself too
            return data.Build();
        };

        using (var store = new SqliteStateStore(DbPath))
        {
            var before = new AlertingHarness(state: store, time: time);
            before.Feed(Report(before, Degraded(NodeTwoDown())), TimeSpan.FromMinutes(2));
            before.Feed(Report(before, Degraded(PolicyCases.NodeStates(PolicyCases.Healthy()))), TimeSpan.FromSeconds(10)); // node-2 back: its consequence in the grace
            Assert.Equal(AlertState.Firing, before.Alert("AzLocalStorageDegraded")!.State);
            Assert.Empty(before.Notifier.Named("AzLocalStorageDegraded"));
        }

        time.Advance(TimeSpan.FromSeconds(20));
        using (var store = new SqliteStateStore(DbPath))
        {
            var after = new AlertingHarness(state: store, time: time);
            after.Persistence.Restore(time.GetUtcNow());
            after.Run(TimeSpan.FromSeconds(5)); // ticks before any data: the restored consequence has no source yet
            after.Feed(Report(after, Degraded(NodeTwoDown())), TimeSpan.FromMinutes(2)); // node-2 is down again

            Assert.Empty(after.Notifier.Named("AzLocalStorageDegraded"));
            Assert.NotNull(after.Alert("AzLocalStorageDegraded")!.MutedBy);
        }
    }

    [Fact]
    public void Restart_ThenTheFaultClears_ResolvesAndTellsAlertmanager()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        using (var store = new SqliteStateStore(DbPath))
        {
            new AlertingHarness(state: store, time: time).Feed(() => NodeTwoDown().Build(), TimeSpan.FromMinutes(1));
        }

        using (var store = new SqliteStateStore(DbPath))
        {
            var after = new AlertingHarness(state: store, time: time);
            after.Persistence.Restore(time.GetUtcNow());
            var healthy = PolicyCases.Healthy();
            foreach (var node in new[] { "node-1", "node-2", "node-3" })
            {
                healthy.StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", node));
            }

            after.Feed(() => healthy.Build(), TimeSpan.FromMinutes(2)); // past the warm-up

            Assert.Equal(AlertState.Inactive, after.Alert("AzLocalNodeDown")!.State);
            var sent = after.Notifier.Named("AzLocalNodeDown").ToList();
            Assert.NotEmpty(sent);
            Assert.Single(sent.Select(n => n.StartsAt).Distinct()); // the alert from before the restart, not a new one
            Assert.True(sent[^1].EndsAt <= time.GetUtcNow()); // and Alertmanager is told it resolved
        }
    }

    [Fact]
    public void SilentNode_StaysDownAcrossARestart_ThanksToTheCheckpoint()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var selfReport = new Func<string, Otlp>(node => new Otlp("c1", node).Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.3)));
        DateTimeOffset? firedAt;
        using (var store = new SqliteStateStore(DbPath))
        {
            var before = new AlertingHarness(state: store, time: time);
            before.Ingest(selfReport("node-2").Build());
            before.Feed(() => selfReport("node-1").Build(), TimeSpan.FromMinutes(2));
            Assert.Equal(AlertState.Firing, before.Alert("AzLocalNodeDown")!.State);
            firedAt = before.Alert("AzLocalNodeDown")!.FiredAt;
        }

        using (var store = new SqliteStateStore(DbPath))
        {
            var after = new AlertingHarness(state: store, time: time);
            after.Persistence.Restore(time.GetUtcNow());
            after.Feed(() => selfReport("node-1").Build(), TimeSpan.FromMinutes(2));

            var alert = after.Alert("AzLocalNodeDown")!;
            Assert.Equal(AlertState.Firing, alert.State);
            Assert.Equal(firedAt, alert.FiredAt); // the same alert, never resolved in between
            Assert.All(after.Notifier.Named("AzLocalNodeDown"), n => Assert.True(n.EndsAt > time.GetUtcNow()));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
