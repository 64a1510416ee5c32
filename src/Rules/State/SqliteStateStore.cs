using System.Text.Json;
using AzLocalMonitor.Rules.Muting;
using Microsoft.Data.Sqlite;

namespace AzLocalMonitor.Rules.State;

/// <summary>
/// The embedded SQLite state store. WAL journal: a kill -9 loses no committed transaction; writes are small and
/// happen only on alert state changes (batched by the alerting outbox, only the rows that changed), node checkpoints,
/// maintenance and silence changes (never per sample).
/// </summary>
public sealed class SqliteStateStore : IStateStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly TimeSpan _historyRetention;
    private readonly int _historyMaxRows;

    public SqliteStateStore(string path, TimeSpan? historyRetention = null, int historyMaxRows = 200_000)
    {
        _historyRetention = historyRetention ?? TimeSpan.FromDays(30);
        _historyMaxRows = historyMaxRows;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS alerts (
                cluster TEXT NOT NULL, rule_key TEXT NOT NULL, labels TEXT NOT NULL, annotations TEXT NOT NULL,
                state INTEGER NOT NULL, active_at INTEGER NOT NULL, fired_at INTEGER, resolved_at INTEGER,
                last_sent_at INTEGER, keep_firing_since INTEGER, value REAL NOT NULL,
                PRIMARY KEY (cluster, rule_key, labels));
            CREATE TABLE IF NOT EXISTS node_reports (
                cluster TEXT NOT NULL, node TEXT NOT NULL, last_ms INTEGER NOT NULL, PRIMARY KEY (cluster, node));
            CREATE TABLE IF NOT EXISTS maintenance_windows (id TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS alert_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT, cluster TEXT NOT NULL, at INTEGER NOT NULL, alert TEXT NOT NULL,
                severity TEXT NOT NULL, labels TEXT NOT NULL, phase TEXT NOT NULL, muted_by TEXT);
            CREATE INDEX IF NOT EXISTS alert_history_cluster ON alert_history (cluster, id);
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL,
                action TEXT NOT NULL, subject TEXT NOT NULL, details TEXT NOT NULL);
            """);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public void SaveAlertChanges(IReadOnlyList<AlertChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using var delete = Command("DELETE FROM alerts WHERE cluster = $c AND rule_key = $k AND labels = $l", tx);
            using var upsert = Command("""
                INSERT OR REPLACE INTO alerts (cluster, rule_key, labels, annotations, state, active_at, fired_at, resolved_at, last_sent_at, keep_firing_since, value)
                VALUES ($c, $k, $l, $a, $s, $act, $fire, $res, $sent, $keep, $v)
                """, tx);
            foreach (var change in changes)
            {
                var command = change.Record is null ? delete : upsert;
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$c", change.Cluster);
                command.Parameters.AddWithValue("$k", change.RuleKey);
                command.Parameters.AddWithValue("$l", LabelsKey(change.Labels));
                if (change.Record is { } alert)
                {
                    command.Parameters.AddWithValue("$a", JsonSerializer.Serialize(alert.Annotations));
                    command.Parameters.AddWithValue("$s", alert.State);
                    command.Parameters.AddWithValue("$act", alert.ActiveAt.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("$fire", Ms(alert.FiredAt));
                    command.Parameters.AddWithValue("$res", Ms(alert.ResolvedAt));
                    command.Parameters.AddWithValue("$sent", Ms(alert.LastSentAt));
                    command.Parameters.AddWithValue("$keep", Ms(alert.KeepFiringSince));
                    command.Parameters.AddWithValue("$v", double.IsFinite(alert.Value) ? alert.Value : 0);
                }

                command.ExecuteNonQuery();
            }

            SaveHistory(changes, tx);
            tx.Commit();
        }
    }

    /// <summary>
    /// Appends the changes' history steps and trims the table, in the alert rows' transaction: steps older than the
    /// retention go, and past the row cap the oldest go first (a flapping alert cannot fill the disk).
    /// </summary>
    private void SaveHistory(IReadOnlyList<AlertChange> changes, SqliteTransaction tx)
    {
        var steps = changes.Select(c => c.Transition).OfType<AlertTransition>().ToList();
        if (steps.Count == 0)
        {
            return;
        }

        using var insert = Command("INSERT INTO alert_history (cluster, at, alert, severity, labels, phase, muted_by) VALUES ($c, $at, $a, $s, $l, $p, $m)", tx);
        foreach (var step in steps)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$c", step.Cluster);
            insert.Parameters.AddWithValue("$at", step.At.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$a", step.Alert);
            insert.Parameters.AddWithValue("$s", step.Severity);
            insert.Parameters.AddWithValue("$l", LabelsKey(step.Labels));
            insert.Parameters.AddWithValue("$p", step.Phase);
            insert.Parameters.AddWithValue("$m", (object?)step.MutedBy ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        using var trim = Command("DELETE FROM alert_history WHERE at < $cutoff OR id <= (SELECT MAX(id) FROM alert_history) - $max", tx);
        trim.Parameters.AddWithValue("$cutoff", (steps.Max(s => s.At) - _historyRetention).ToUnixTimeMilliseconds());
        trim.Parameters.AddWithValue("$max", _historyMaxRows);
        trim.ExecuteNonQuery();
    }

    public IReadOnlyList<AlertTransition> LoadAlertHistory(string cluster, int limit)
    {
        lock (_gate)
        {
            using var query = Command("SELECT at, alert, severity, labels, phase, muted_by FROM alert_history WHERE cluster = $c ORDER BY id DESC LIMIT $n");
            query.Parameters.AddWithValue("$c", cluster);
            query.Parameters.AddWithValue("$n", limit);
            using var reader = query.ExecuteReader();
            var result = new List<AlertTransition>();
            while (reader.Read())
            {
                var labels = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [];
                result.Add(new AlertTransition(cluster, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1),
                    reader.GetString(2), labels, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }

            return result;
        }
    }

    /// <summary>The row key of a label set: JSON with the names in ordinal order, the same whatever order they came in.</summary>
    private static string LabelsKey(IReadOnlyDictionary<string, string> labels) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(labels.ToDictionary(), StringComparer.Ordinal));

    public IReadOnlyList<AlertRecord> LoadAlerts()
    {
        lock (_gate)
        {
            using var query = Command("SELECT cluster, rule_key, labels, annotations, state, active_at, fired_at, resolved_at, last_sent_at, keep_firing_since, value FROM alerts");
            using var reader = query.ExecuteReader();
            var result = new List<AlertRecord>();
            while (reader.Read())
            {
                result.Add(new AlertRecord(
                    reader.GetString(0),
                    reader.GetString(1),
                    JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2)) ?? [],
                    JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3)) ?? [],
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    Time(reader, 6),
                    Time(reader, 7),
                    Time(reader, 8),
                    Time(reader, 9),
                    reader.GetDouble(10)));
            }

            return result;
        }
    }

    public void SaveNodeReports(IReadOnlyList<(string Cluster, string Node, long LastMs)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using var upsert = Command("INSERT INTO node_reports (cluster, node, last_ms) VALUES ($c, $n, $t) ON CONFLICT (cluster, node) DO UPDATE SET last_ms = excluded.last_ms", tx);
            foreach (var (cluster, node, last) in reports)
            {
                upsert.Parameters.Clear();
                upsert.Parameters.AddWithValue("$c", cluster);
                upsert.Parameters.AddWithValue("$n", node);
                upsert.Parameters.AddWithValue("$t", last);
                upsert.ExecuteNonQuery();
            }

            tx.Commit();
        }
    }

    public IReadOnlyList<(string Cluster, string Node, long LastMs)> LoadNodeReports()
    {
        lock (_gate)
        {
            using var query = Command("SELECT cluster, node, last_ms FROM node_reports");
            using var reader = query.ExecuteReader();
            var result = new List<(string, string, long)>();
            while (reader.Read())
            {
                result.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }

            return result;
        }
    }

    public void SaveWindow(MaintenanceWindow window, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(window);
        SaveDocument("maintenance_windows", window.Id, JsonSerializer.Serialize(window), audit);
    }

    public void DeleteWindow(string id, AuditRecord audit)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using (var delete = Command("DELETE FROM maintenance_windows WHERE id = $id", tx))
            {
                delete.Parameters.AddWithValue("$id", id);
                delete.ExecuteNonQuery();
            }

            Audit(audit, tx);
            tx.Commit();
        }
    }

    public IReadOnlyList<MaintenanceWindow> LoadWindows() => LoadDocuments("maintenance_windows", body => JsonSerializer.Deserialize<MaintenanceWindow>(body));

    public void SaveSilence(Silence silence, AuditRecord audit)
    {
        ArgumentNullException.ThrowIfNull(silence);
        SaveDocument("silences", silence.Id, JsonSerializer.Serialize(StoredSilence.From(silence)), audit);
    }

    public IReadOnlyList<Silence> LoadSilences() =>
        LoadDocuments("silences", body => JsonSerializer.Deserialize<StoredSilence>(body)?.ToSilence());

    public IReadOnlyList<AuditRecord> LoadAudit(int limit)
    {
        lock (_gate)
        {
            using var query = Command("SELECT id, at, actor, action, subject, details FROM audit ORDER BY id DESC LIMIT $n");
            query.Parameters.AddWithValue("$n", limit);
            using var reader = query.ExecuteReader();
            var result = new List<AuditRecord>();
            while (reader.Read())
            {
                result.Add(new AuditRecord(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return result;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>Upserts a JSON document by id in <paramref name="table"/> (a fixed name, never user input) with its audit entry, in one transaction.</summary>
    private void SaveDocument(string table, string id, string body, AuditRecord audit)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using (var upsert = Command($"INSERT INTO {table} (id, body) VALUES ($id, $b) ON CONFLICT (id) DO UPDATE SET body = excluded.body", tx))
            {
                upsert.Parameters.AddWithValue("$id", id);
                upsert.Parameters.AddWithValue("$b", body);
                upsert.ExecuteNonQuery();
            }

            Audit(audit, tx);
            tx.Commit();
        }
    }

    private List<T> LoadDocuments<T>(string table, Func<string, T?> parse)
        where T : class
    {
        lock (_gate)
        {
            using var query = Command($"SELECT body FROM {table} ORDER BY id");
            using var reader = query.ExecuteReader();
            var result = new List<T>();
            while (reader.Read())
            {
                if (parse(reader.GetString(0)) is { } item)
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }

    private void Audit(AuditRecord audit, SqliteTransaction tx)
    {
        using var insert = Command("INSERT INTO audit (at, actor, action, subject, details) VALUES ($at, $who, $what, $subject, $details)", tx);
        insert.Parameters.AddWithValue("$at", audit.At.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$who", audit.Actor);
        insert.Parameters.AddWithValue("$what", audit.Action);
        insert.Parameters.AddWithValue("$subject", audit.Subject);
        insert.Parameters.AddWithValue("$details", audit.Details);
        insert.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private static object Ms(DateTimeOffset? time) => time is { } t ? t.ToUnixTimeMilliseconds() : DBNull.Value;

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
