using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Polly;
using Polly.Retry;

namespace AzLocalMonitor.Rules.Kusto;

/// <summary>
/// The Kusto REST API, the three calls Rules needs (Microsoft.Azure.Kusto.Data cannot be restored here):
/// control commands (<c>POST /v1/rest/mgmt</c>), queries (<c>POST /v2/rest/query</c>, the v2 frame array; the
/// PrimaryResult table is read) and streaming ingestion (<c>POST /v1/rest/ingest/{db}/{table}?streamFormat=Csv</c>).
/// Each request carries a bearer token from the <see cref="TokenCredential"/> (Azure.Identity) for scope
/// <c>{cluster}/.default</c>; network errors, 429 and 5xx are retried with Polly.
/// </summary>
public sealed class KustoClient
{
    private readonly HttpClient _http;
    private readonly Uri _cluster;
    private readonly string _database;
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private AccessToken _token;

    public KustoClient(HttpClient http, KustoOptions options, TokenCredential credential, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _cluster = new Uri(options.ClusterUrl.TrimEnd('/') + "/");
        _database = options.Database;
        _credential = credential;
        _scopes = [options.ClusterUrl.TrimEnd('/') + "/.default"];
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Runs a control command; returns the v1 response's first table as rows of column → value.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> ManagementAsync(string command, CancellationToken cancellationToken)
    {
        using var json = await PostJsonAsync("v1/rest/mgmt", command, null, cancellationToken).ConfigureAwait(false);
        var table = json.RootElement.GetProperty("Tables")[0];
        return Rows(table);
    }

    /// <summary>Runs a query with parameters; returns the PrimaryResult table of the v2 frames as rows of column → value.</summary>
    public async Task<List<Dictionary<string, JsonElement>>> QueryAsync(string query, IReadOnlyDictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        using var json = await PostJsonAsync("v2/rest/query", query, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var frame in json.RootElement.EnumerateArray())
        {
            var type = frame.GetProperty("FrameType").GetString();
            if (type == "DataSetCompletion" && frame.TryGetProperty("HasErrors", out var errors) && errors.GetBoolean())
            {
                throw new KustoException($"Query failed: {(frame.TryGetProperty("OneApiErrors", out var e) ? e.GetRawText() : "HasErrors")}");
            }

            if (type == "DataTable" && frame.GetProperty("TableKind").GetString() == "PrimaryResult")
            {
                return Rows(frame);
            }
        }

        throw new KustoException("Query response had no PrimaryResult table.");
    }

    /// <summary>Streams CSV rows into a table with the named CSV mapping.</summary>
    public async Task StreamIngestAsync(string table, string csv, string mapping, CancellationToken cancellationToken)
    {
        var path = $"v1/rest/ingest/{Uri.EscapeDataString(_database)}/{Uri.EscapeDataString(table)}?streamFormat=Csv&mappingName={Uri.EscapeDataString(mapping)}";
        var body = Encoding.UTF8.GetBytes(csv);
        using var response = await SendAsync(() => new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, path, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonDocument> PostJsonAsync(string path, string csl, IReadOnlyDictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["db"] = _database, ["csl"] = csl };
        if (parameters is { Count: > 0 })
        {
            var values = new JsonObject();
            foreach (var (name, value) in parameters)
            {
                values[name] = value;
            }

            request["properties"] = new JsonObject { ["Parameters"] = values };
        }

        var body = request.ToJsonString();
        using var response = await SendAsync(() => new StringContent(body, Encoding.UTF8, "application/json"), path, cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpContent> content, string path, CancellationToken cancellationToken)
    {
        var response = await _retry.ExecuteAsync(async ct =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_cluster, path)) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(ct).ConfigureAwait(false));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Add("x-ms-client-request-id", "AzLocalMonitor.Rules;" + Guid.NewGuid().ToString());
            request.Headers.Add("x-ms-app", "AzLocalMonitor.Rules");
            return await _http.SendAsync(request, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            throw new KustoException($"Kusto {path.Split('?')[0]} answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
        }

        return response;
    }

    /// <summary>A cached token, renewed five minutes before it expires.</summary>
    private async ValueTask<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token.Token is null || _token.ExpiresOn <= DateTimeOffset.UtcNow.AddMinutes(5))
        {
            _token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
        }

        return _token.Token;
    }

    private static List<Dictionary<string, JsonElement>> Rows(JsonElement table)
    {
        var columns = table.GetProperty("Columns").EnumerateArray().Select(c => c.GetProperty("ColumnName").GetString()!).ToList();
        var rows = new List<Dictionary<string, JsonElement>>();
        foreach (var row in table.GetProperty("Rows").EnumerateArray())
        {
            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var i = 0;
            foreach (var cell in row.EnumerateArray())
            {
                values[columns[i++]] = cell.Clone();
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>A Kusto <c>datetime</c> literal value for a query parameter.</summary>
    public static string DateTime(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(unixMs, 0, 253402300799999)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A Kusto request failed (after retries) or answered with errors.</summary>
public sealed class KustoException(string message) : Exception(message);
