using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AzLocalMonitor.Rules.RemoteWrite;

namespace AzLocalMonitor.Rules.History;

/// <summary>
/// History in a Prometheus-compatible store (VictoriaMetrics, Prometheus, Mimir, Thanos, Cortex): points are
/// remote-written (<see cref="RemoteHistoryWriter"/>), rollups computed by the store at query time with PromQL
/// over <c>/api/v1/query_range</c>, one step per bucket: <c>count_over_time</c>, <c>min_over_time</c>,
/// <c>avg_over_time</c>, <c>max_over_time</c> over <c>[step] offset 1ms</c> evaluated at each bucket's end, which
/// covers exactly the bucket's [start, end) in milliseconds like <see cref="RollupCalculator"/>. The 95th
/// percentile is the calculator's nearest rank: PromQL's <c>quantile_over_time</c> interpolates, so for buckets
/// of n points it is asked for φ = (⌈0.95·n⌉ − 1)/(n − 1), which lands on that rank (one query per distinct n).
/// Retention and pruning are the store's; rollups need no job.
/// </summary>
public sealed class PromQlHistoryStore(HttpClient http, Uri queryBase, RemoteWriteTap tap, TimeProvider time, HistoryRetention retention, string? bearerToken = null) : IHistoryStore
{
    /// <summary>Prometheus refuses ranges of more than 11,000 steps: longer ones are asked for in pieces.</summary>
    private const int MaxStepsPerQuery = 10_000;

    /// <summary>Distinct bucket sizes asked for an exact percentile; beyond them, buckets get φ = 0.95 (interpolated).</summary>
    private const int MaxPercentileQueries = 8;

    public Task AppendAsync(IReadOnlyList<HistorySample> samples, CancellationToken cancellationToken = default)
    {
        RemoteHistoryWriter.Write(tap, samples);
        return Task.CompletedTask;
    }

    public Task<int> RollUpAsync(long fromMs, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public Task<long?> LatestRawAsync(CancellationToken cancellationToken = default) => Task.FromResult<long?>(null);

    public Task<int> PruneAsync(long nowMs, HistoryRetention retention, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public async Task<IReadOnlyList<string>> ClustersAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var start = now - (long)retention.Day.TotalSeconds;
        using var json = await GetAsync($"api/v1/label/cluster/values?match[]={Uri.EscapeDataString(RemoteHistoryWriter.Metric)}&start={start}&end={now}", cancellationToken).ConfigureAwait(false);
        return [.. json.RootElement.GetProperty("data").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<Rollup>> QueryAsync(string cluster, string series, Resolution resolution, long fromMs, long toMs, CancellationToken cancellationToken = default)
    {
        var step = resolution.Milliseconds();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var first = resolution.BucketStart(Math.Max(fromMs, nowMs - (long)retention.Of(resolution).TotalMilliseconds));
        var last = resolution.BucketStart(Math.Min(toMs == long.MaxValue ? nowMs : toMs - 1, nowMs));
        var selector = $"{RemoteHistoryWriter.Metric}{{cluster=\"{Escape(cluster)}\",series=\"{Escape(series)}\"}}[{step / 1000}s] offset 1ms";
        var counts = await RangeAsync($"count_over_time({selector})", first, last, step, cancellationToken).ConfigureAwait(false);
        if (counts.Count == 0)
        {
            return [];
        }

        var min = await RangeAsync($"min_over_time({selector})", first, last, step, cancellationToken).ConfigureAwait(false);
        var avg = await RangeAsync($"avg_over_time({selector})", first, last, step, cancellationToken).ConfigureAwait(false);
        var max = await RangeAsync($"max_over_time({selector})", first, last, step, cancellationToken).ConfigureAwait(false);
        var p95 = new Dictionary<long, double>();
        var sizes = counts.Values.Select(c => (int)c).Distinct().Order().ToList();
        foreach (var n in sizes.Take(MaxPercentileQueries))
        {
            var rank = Math.Clamp((int)Math.Ceiling(0.95 * n) - 1, 0, n - 1);
            if (n == 1)
            {
                continue; // the one point: min = max = p95
            }

            var phi = (double)rank / (n - 1);
            foreach (var (start, value) in await RangeAsync($"quantile_over_time({phi.ToString("R", CultureInfo.InvariantCulture)}, {selector})", first, last, step, cancellationToken).ConfigureAwait(false))
            {
                if ((int)counts.GetValueOrDefault(start) == n)
                {
                    p95[start] = value;
                }
            }
        }

        if (sizes.Count > MaxPercentileQueries)
        {
            foreach (var (start, value) in await RangeAsync($"quantile_over_time(0.95, {selector})", first, last, step, cancellationToken).ConfigureAwait(false))
            {
                p95.TryAdd(start, value);
            }
        }

        return [.. counts.OrderBy(c => c.Key).Select(c => new Rollup(cluster, series, resolution, c.Key, (int)c.Value,
            min.GetValueOrDefault(c.Key, double.NaN), avg.GetValueOrDefault(c.Key, double.NaN), max.GetValueOrDefault(c.Key, double.NaN),
            c.Value == 1 ? max.GetValueOrDefault(c.Key, double.NaN) : p95.GetValueOrDefault(c.Key, double.NaN)))];
    }

    /// <summary>Bucket start → value of a one-series range query, evaluated at each bucket's end (start + step).</summary>
    private async Task<Dictionary<long, double>> RangeAsync(string query, long firstBucket, long lastBucket, long step, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, double>();
        for (var from = firstBucket; from <= lastBucket; from += step * MaxStepsPerQuery)
        {
            var to = Math.Min(lastBucket, from + (step * (MaxStepsPerQuery - 1)));
            var url = string.Create(CultureInfo.InvariantCulture,
                $"api/v1/query_range?query={Uri.EscapeDataString(query)}&start={(from + step) / 1000}&end={(to + step) / 1000}&step={step / 1000}&nocache=1");
            using var json = await GetAsync(url, cancellationToken).ConfigureAwait(false);
            foreach (var series in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
            {
                foreach (var point in series.GetProperty("values").EnumerateArray())
                {
                    var end = (long)Math.Round(point[0].GetDouble() * 1000);
                    result[end - step] = double.Parse(point[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }
        }

        return result;
    }

    private async Task<JsonDocument> GetAsync(string relative, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(queryBase, relative));
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"History query {relative.Split('?')[0]} at {queryBase} answered {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}");
        }

        return JsonDocument.Parse(body);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
