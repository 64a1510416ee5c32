using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.State;

namespace AzLocalMonitor.Rules.Tests.State;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-store-").FullName;

    private string DbPath => Path.Combine(_directory, "nested", "rules.db");

    [Fact]
    public void Windows_AndTheirAuditTrail_SurviveReopening()
    {
        var window = new MaintenanceWindow("api:1", "patch", "c1", "node-2", "0 22 * * 2", TimeSpan.FromHours(4), null, null, "Europe/Berlin", "KB1");
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        using (var store = new SqliteStateStore(DbPath))
        {
            store.SaveWindow(window, new AuditRecord(0, at, "alice", "maintenance.create", window.Id, "{}"));
            store.DeleteWindow("api:1", new AuditRecord(0, at.AddMinutes(5), "bob", "maintenance.delete", window.Id, "{}"));
            store.SaveWindow(window with { Id = "api:2" }, new AuditRecord(0, at.AddMinutes(6), "carol", "maintenance.create", "api:2", "{}"));
        }

        using (var store = new SqliteStateStore(DbPath))
        {
            Assert.Equal([window with { Id = "api:2" }], store.LoadWindows());
            var audit = store.LoadAudit(10);
            Assert.Equal(["carol", "bob", "alice"], audit.Select(a => a.Actor));
            Assert.Equal(at.AddMinutes(5), audit[1].At);
        }
    }

    [Fact]
    public void AlertChanges_UpsertOnlyTheirRow_AndDeleteByLabels_WhateverTheLabelOrder()
    {
        static AlertChange Change(string node, int state, IReadOnlyDictionary<string, string> labels, bool delete = false) =>
            new("c1", "AzLocalNodeDown", labels, delete ? null : new AlertRecord("c1", "AzLocalNodeDown", labels, new Dictionary<string, string>(),
                state, DateTimeOffset.UnixEpoch, null, null, null, null, 1));
        var n1 = new Dictionary<string, string> { ["alertname"] = "AzLocalNodeDown", ["node"] = "n1" };
        var n2 = new Dictionary<string, string> { ["node"] = "n2", ["alertname"] = "AzLocalNodeDown" };
        var n2Reordered = new Dictionary<string, string> { ["alertname"] = "AzLocalNodeDown", ["node"] = "n2" };
        using (var store = new SqliteStateStore(DbPath))
        {
            store.SaveAlertChanges([Change("n1", 1, n1), Change("n2", 1, n2)]);
            store.SaveAlertChanges([Change("n1", 2, n1)]); // n1 fires: its row alone is replaced
            store.SaveAlertChanges([Change("n2", 0, n2Reordered, delete: true)]);
        }

        using (var reopened = new SqliteStateStore(DbPath))
        {
            var row = Assert.Single(reopened.LoadAlerts());
            Assert.Equal("n1", row.Labels["node"]);
            Assert.Equal(2, row.State);
        }
    }

    [Fact]
    public void Silences_AndTheirAuditTrail_SurviveReopening()
    {
        var at = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
        var silence = new Silence("s1", [LabelMatcher.Parse("cluster=\"c1\""), LabelMatcher.Parse("node=~\"n[12]\"")], at, at.AddHours(2), "alice", "disk swap", at);
        using (var store = new SqliteStateStore(DbPath))
        {
            store.SaveSilence(silence, new AuditRecord(0, at, "alice", "silence.create", "s1", "{}"));
            store.SaveSilence(silence with { EndsAt = at.AddMinutes(10) }, new AuditRecord(0, at.AddMinutes(10), "bob", "silence.expire", "s1", "{}"));
        }

        using (var store = new SqliteStateStore(DbPath))
        {
            var loaded = Assert.Single(store.LoadSilences());
            Assert.Equal(at.AddMinutes(10), loaded.EndsAt);
            Assert.Equal(["cluster=\"c1\"", "node=~\"n[12]\""], loaded.Matchers.Select(m => m.ToString()));
            Assert.Equal(["bob", "alice"], store.LoadAudit(10).Select(a => a.Actor));
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
