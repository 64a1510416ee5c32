using Microsoft.Data.Sqlite;

namespace AzLocalMonitor.Rules.History;

/// <summary>
/// The embedded history store: one SQLite file with a raw table and a rollup table (WAL mode). Rollups are
/// recomputed from raw points; an existing bucket is only replaced by one with at least as many points, so
/// pruned raw data never shrinks a finished bucket.
/// </summary>
public sealed class SqliteHistoryStore : IHistoryStore
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS raw (cluster TEXT NOT NULL, series TEXT NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL,
            PRIMARY KEY (cluster, series, ts)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS rollup (cluster TEXT NOT NULL, series TEXT NOT NULL, res INTEGER NOT NULL, ts INTEGER NOT NULL,
            count INTEGER NOT NULL, min REAL NOT NULL, avg REAL NOT NULL, max REAL NOT NULL, p95 REAL NOT NULL,
            PRIMARY KEY (cluster, series, res, ts)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS raw_ts ON raw (ts);
        """;

    private const string Upsert = """
        INSERT INTO rollup (cluster, series, res, ts, count, min, avg, max, p95) VALUES ($c, $s, $r, $t, $n, $min, $avg, $max, $p95)
        ON CONFLICT (cluster, series, res, ts) DO UPDATE SET count = excluded.count, min = excluded.min, avg = excluded.avg,
            max = excluded.max, p95 = excluded.p95
        WHERE excluded.count >= rollup.count
        """;

    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/>; <c>:memory:</c> is not supported (use a temp file).</summary>
    public SqliteHistoryStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task AppendAsync(IReadOnlyList<HistorySample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO raw (cluster, series, ts, value) VALUES ($c, $s, $t, $v)";
        var c = command.Parameters.Add("$c", SqliteType.Text);
        var s = command.Parameters.Add("$s", SqliteType.Text);
        var t = command.Parameters.Add("$t", SqliteType.Integer);
        var v = command.Parameters.Add("$v", SqliteType.Real);
        foreach (var sample in samples)
        {
            if (!double.IsFinite(sample.Value))
            {
                continue;
            }

            c.Value = sample.Cluster;
            s.Value = sample.Series;
            t.Value = sample.TimestampMs;
            v.Value = sample.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RollUpAsync(long fromMs, CancellationToken cancellationToken = default)
    {
        var written = 0;
        await using var connection = Open();
        foreach (var resolution in ResolutionExtensions.All)
        {
            var start = resolution.BucketStart(fromMs);
            var pending = new List<Rollup>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT cluster, series, ts, value FROM raw WHERE ts >= $from ORDER BY cluster, series, ts";
                read.Parameters.AddWithValue("$from", start);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                string? cluster = null, series = null;
                var points = new List<(long, double)>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var rc = reader.GetString(0);
                    var rs = reader.GetString(1);
                    if (!string.Equals(rc, cluster, StringComparison.Ordinal) || !string.Equals(rs, series, StringComparison.Ordinal))
                    {
                        if (cluster is not null && series is not null)
                        {
                            pending.AddRange(RollupCalculator.Compute(cluster, series, resolution, points));
                        }

                        cluster = rc;
                        series = rs;
                        points.Clear();
                    }

                    points.Add((reader.GetInt64(2), reader.GetDouble(3)));
                }

                if (cluster is not null && series is not null)
                {
                    pending.AddRange(RollupCalculator.Compute(cluster, series, resolution, points));
                }
            }

            written += await WriteAsync(connection, pending, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    public async Task<IReadOnlyList<Rollup>> QueryAsync(string cluster, string series, Resolution resolution, long fromMs, long toMs, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ts, count, min, avg, max, p95 FROM rollup
            WHERE cluster = $c AND series = $s AND res = $r AND ts >= $from AND ts < $to ORDER BY ts
            """;
        command.Parameters.AddWithValue("$c", cluster);
        command.Parameters.AddWithValue("$s", series);
        command.Parameters.AddWithValue("$r", (int)resolution);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        var result = new List<Rollup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new Rollup(cluster, series, resolution, reader.GetInt64(0), reader.GetInt32(1),
                reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT cluster FROM rollup UNION SELECT DISTINCT cluster FROM raw ORDER BY 1";
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public async Task<long?> LatestRawAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(ts) FROM raw";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long ts ? ts : null;
    }

    public async Task<int> PruneAsync(long nowMs, HistoryRetention retention, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(retention);
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction();
        var deleted = 0;
        await using (var raw = connection.CreateCommand())
        {
            raw.CommandText = "DELETE FROM raw WHERE ts < $before";
            raw.Parameters.AddWithValue("$before", nowMs - (long)retention.Raw.TotalMilliseconds);
            deleted += await raw.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var resolution in ResolutionExtensions.All)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM rollup WHERE res = $r AND ts < $before";
            command.Parameters.AddWithValue("$r", (int)resolution);
            command.Parameters.AddWithValue("$before", nowMs - (long)retention.Of(resolution).TotalMilliseconds);
            deleted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<int> WriteAsync(SqliteConnection connection, List<Rollup> rollups, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = Upsert;
        var p = new[] { "$c", "$s", "$r", "$t", "$n", "$min", "$avg", "$max", "$p95" }.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
        var written = 0;
        foreach (var r in rollups)
        {
            p[0].Value = r.Cluster;
            p[1].Value = r.Series;
            p[2].Value = (int)r.Resolution;
            p[3].Value = r.StartMs;
            p[4].Value = r.Count;
            p[5].Value = r.Min;
            p[6].Value = r.Avg;
            p[7].Value = r.Max;
            p[8].Value = r.P95;
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
