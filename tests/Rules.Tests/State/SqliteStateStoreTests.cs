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
    public void SaveAlerts_IgnoresAnOlderSnapshotOfTheSameCluster()
    {
        var record = new AlertRecord("c1", "AzLocalNodeDown", new Dictionary<string, string> { ["alertname"] = "AzLocalNodeDown" },
            new Dictionary<string, string>(), 2, DateTimeOffset.UnixEpoch, null, null, null, null, 1);
        using var store = new SqliteStateStore(DbPath);

        store.SaveAlerts("c1", version: 5, [record]);
        store.SaveAlerts("c1", version: 4, []);

        Assert.Single(store.LoadAlerts());
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
