using System.Globalization;
using System.Text;
using System.Text.Json;
using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Kusto;

/// <summary>
/// History in Azure Data Explorer: raw points ingested in batches (streaming ingestion, or <c>.ingest inline</c>),
/// rollups computed by KQL at query time (<see cref="KustoQueries"/>); retention is the table's policy.
/// </summary>
public sealed class KustoHistoryStore(KustoClient client, KustoOptions options) : IHistoryStore
{
    private int _schemaCreated;

    public async Task AppendAsync(IReadOnlyList<HistorySample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in samples.Where(s => double.IsFinite(s.Value)).Chunk(options.MaxBatchRows))
        {
            var csv = new StringBuilder();
            foreach (var s in chunk)
            {
                csv.Append(KustoClient.DateTime(s.TimestampMs)).Append(',').Append(Csv(s.Cluster)).Append(',').Append(Csv(s.Series)).Append(',')
                    .Append(s.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            if (options.IngestMode.Equals("inline", StringComparison.OrdinalIgnoreCase))
            {
                await client.ManagementAsync($".ingest inline into table {options.Table} with (format='csv', ingestionMappingReference='{KustoSchema.CsvMapping}') <|\n{csv}", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await client.StreamIngestAsync(options.Table, csv.ToString(), KustoSchema.CsvMapping, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<int> RollUpAsync(long fromMs, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<int> PruneAsync(long nowMs, HistoryRetention retention, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public async Task<IReadOnlyList<Rollup>> QueryAsync(string cluster, string series, Resolution resolution, long fromMs, long toMs, CancellationToken cancellationToken = default)
    {
        var parameters = new Dictionary<string, string>
        {
            ["cluster"] = cluster,
            ["series"] = series,
            ["fromTime"] = KustoClient.DateTime(fromMs),
            ["toTime"] = KustoClient.DateTime(toMs),
        };
        var rows = await client.QueryAsync(KustoQueries.Rollups(options.Table, resolution), parameters, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new Rollup(cluster, series, resolution, Time(r["Start"]), r["Count"].GetInt32(),
            Real(r["Min"]), Real(r["Avg"]), Real(r["Max"]), Real(r["P95"])))];
    }

    public async Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        var rows = await client.QueryAsync(KustoQueries.Clusters(options.Table), null, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r["Cluster"].GetString()!)];
    }

    public async Task<long?> LatestRawAsync(CancellationToken cancellationToken = default)
    {
        var rows = await client.QueryAsync(KustoQueries.Latest(options.Table), null, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 || rows[0]["Latest"].ValueKind != JsonValueKind.String ? null : Time(rows[0]["Latest"]);
    }

    /// <summary>Runs <see cref="KustoSchema.Commands"/> once, when <see cref="KustoOptions.CreateSchema"/> is set.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (!options.CreateSchema || Interlocked.Exchange(ref _schemaCreated, 1) == 1)
        {
            return;
        }

        foreach (var command in KustoSchema.Commands(options.Table))
        {
            await client.ManagementAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    private static long Time(JsonElement e) =>
        DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).ToUnixTimeMilliseconds();

    /// <summary>A real cell: a JSON number, or "NaN"/"Infinity" strings as Kusto writes non-finite reals.</summary>
    private static double Real(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble()
        : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    private static string Csv(string field) => field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
        ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : field;
}
