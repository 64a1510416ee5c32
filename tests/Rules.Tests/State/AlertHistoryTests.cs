using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Rules.Tests.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.State;

/// <summary>
/// The NOC's alert history (issue 16): a node goes down (firing), an operator silences it (muted), the silence is
/// lifted (firing again), the node returns (resolved) — each step once, in order, read back from a reopened SQLite file.
/// </summary>
public sealed class AlertHistoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-history-").FullName;

    private string DbPath => Path.Combine(_directory, "rules.db");

    private static Otlp NodeTwo(string state) =>
        PolicyCases.NodeStates(PolicyCases.Healthy().Gauge(Instruments.ClusterVotesPresent, state == "down" ? 2 : 3), down: state == "down" ? "node-2" : null);

    [Fact]
    public void FiringMutedUnmutedResolved_AreStoredInOrder_AndSurviveReopening()
    {
        var time = new FakeTimeProvider();
        using (var store = new SqliteStateStore(DbPath))
        {
            var h = new AlertingHarness(state: store, time: time);
            h.Feed(() => NodeTwo("down").Build(), TimeSpan.FromMinutes(1));
            var now = time.GetUtcNow();
            h.Silences.Upsert(new Silence("s1", [LabelMatcher.Parse("alertname=\"AzLocalNodeDown\"")], now, now.AddMinutes(2), "alice", "swap", now));
            h.Feed(() => NodeTwo("down").Build(), TimeSpan.FromMinutes(3)); // the silence ends inside this minute span
            h.Feed(() => NodeTwo("up").Build(), TimeSpan.FromMinutes(2));
        }

        using (var reopened = new SqliteStateStore(DbPath))
        {
            var steps = reopened.LoadAlertHistory("c1", 100).Where(s => s.Alert == "AzLocalNodeDown").Reverse().ToList();

            Assert.Equal([AlertTransition.Firing, AlertTransition.Muted, AlertTransition.Firing, AlertTransition.Resolved], steps.Select(s => s.Phase));
            Assert.Contains("s1", steps[1].MutedBy, StringComparison.Ordinal);
            Assert.All(steps, s => Assert.Equal("node-2", s.Labels["node"]));
            Assert.Equal("critical", steps[0].Severity);
            Assert.True(steps.Zip(steps.Skip(1)).All(p => p.First.At <= p.Second.At), "steps are in time order");
            Assert.Empty(reopened.LoadAlertHistory("another-cluster", 100));
        }
    }

    [Fact]
    public void History_IsBoundedByRowCount_OldestDroppedFirst()
    {
        using var store = new SqliteStateStore(DbPath, historyMaxRows: 3);
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        for (var i = 0; i < 5; i++)
        {
            var labels = new Dictionary<string, string> { ["alertname"] = "A", ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            store.SaveAlertChanges([new AlertChange("c1", "A", labels, null) { Transition = new AlertTransition("c1", at.AddMinutes(i), "A", "warning", labels, AlertTransition.Firing, null) }]);
        }

        Assert.Equal(["4", "3", "2"], store.LoadAlertHistory("c1", 10).Select(s => s.Labels["n"]));
    }

    [Fact]
    public void History_OlderThanTheRetention_IsDropped()
    {
        using var store = new SqliteStateStore(DbPath, historyRetention: TimeSpan.FromDays(1));
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        var labels = new Dictionary<string, string> { ["alertname"] = "A" };
        AlertChange Step(DateTimeOffset when) => new("c1", "A", labels, null) { Transition = new AlertTransition("c1", when, "A", "warning", labels, AlertTransition.Firing, null) };
        store.SaveAlertChanges([Step(at)]);
        store.SaveAlertChanges([Step(at.AddDays(2))]);

        Assert.Equal([at.AddDays(2)], store.LoadAlertHistory("c1", 10).Select(s => s.At));
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
            // best effort: a temp directory
        }
    }
}
