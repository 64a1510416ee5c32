using System.Globalization;
using System.Text.Json;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// Prometheus' HTTP API as Grafana calls it, keeping errors as results: instant queries, range queries and
/// series lookups (for <c>label_values</c> variables).
/// </summary>
public sealed class PrometheusApi(HttpClient http, Uri baseAddress)
{
    /// <summary><c>GET /api/v1/query</c>: number of series (or 1 for a scalar), or Prometheus' error.</summary>
    public Task<ApiAnswer> InstantAsync(string expr) =>
        GetAsync($"/api/v1/query?query={Uri.EscapeDataString(expr)}", CountResult, LabelSets);

    /// <summary><c>GET /api/v1/query_range</c> over the last <paramref name="window"/>: series with at least one point.</summary>
    public Task<ApiAnswer> RangeAsync(string expr, TimeSpan window, TimeSpan step)
    {
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var start = end - window.TotalSeconds;
        return GetAsync(
            $"/api/v1/query_range?query={Uri.EscapeDataString(expr)}&start={Seconds(start)}&end={Seconds(end)}&step={Seconds(step.TotalSeconds)}",
            CountResult);
    }

    /// <summary><c>GET /api/v1/series?match[]=</c>: the distinct values of <paramref name="label"/> over the matching series.</summary>
    public Task<ApiAnswer> LabelValuesAsync(string selector, string label) =>
        GetAsync($"/api/v1/series?match[]={Uri.EscapeDataString(selector)}", data =>
            data.EnumerateArray().Select(s => s.TryGetProperty(label, out var v) ? v.GetString() : null).OfType<string>().Distinct(StringComparer.Ordinal).Count());

    private async Task<ApiAnswer> GetAsync(string pathAndQuery, Func<JsonElement, int> count, Func<JsonElement, IReadOnlyList<IReadOnlyDictionary<string, string>>>? labels = null)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, pathAndQuery));
        var body = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "error";
            var message = root.TryGetProperty("error", out var e) ? e.GetString() : body;
            return new ApiAnswer(0, $"{type}: {message}");
        }

        var data = root.GetProperty("data");
        return new ApiAnswer(count(data), null) { Series = labels?.Invoke(data) ?? [] };
    }

    /// <summary>The label sets of a vector or matrix result (empty for a scalar).</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> LabelSets(JsonElement data) =>
        data.GetProperty("resultType").GetString() is "vector" or "matrix"
            ? [.. data.GetProperty("result").EnumerateArray().Select(s => (IReadOnlyDictionary<string, string>)s.GetProperty("metric").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal))]
            : [];

    private static int CountResult(JsonElement data) =>
        data.GetProperty("resultType").GetString() is "scalar" or "string"
            ? 1
            : data.GetProperty("result").EnumerateArray().Count(s => !s.TryGetProperty("values", out var values) || values.GetArrayLength() > 0);

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>What Prometheus answered: how many series (or values) came back, or its error (<c>bad_data: parse error...</c>).</summary>
public sealed record ApiAnswer(int Count, string? Error)
{
    /// <summary>The label sets of the series an instant query returned.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Series { get; init; } = [];
}
