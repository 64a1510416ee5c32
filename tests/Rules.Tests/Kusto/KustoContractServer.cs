using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AzLocalMonitor.Rules.Tests.Kusto;

/// <summary>
/// A local stand-in for the Kusto REST endpoints, answering with the response shapes Microsoft documents (not a
/// Kusto engine: it runs no KQL). /v1/rest/mgmt → <c>{"Tables":[{"TableName","Columns","Rows"}]}</c> (Query V1 HTTP
/// response); /v2/rest/query → the frame array DataSetHeader, DataTable (QueryProperties, PrimaryResult),
/// DataSetCompletion (Query V2 HTTP response) with the rows the test gives; /v1/rest/ingest/{db}/{table} → 200 with
/// an empty body (streaming ingestion). Records every request; can answer the first N with 503 or 429.
/// </summary>
public sealed class KustoContractServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    public sealed record Request(string Path, string Query, string? Authorization, string Body);

    public KustoContractServer(int failFirst = 0, int failStatus = 503)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Request(context.Request.Path, context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), body));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                context.Response.StatusCode = failStatus;
                await context.Response.WriteAsync("""{"error":{"code":"ServiceUnavailable","message":"try again"}}""");
                return;
            }

            context.Response.ContentType = "application/json";
            var path = context.Request.Path.Value ?? string.Empty;
            if (path == "/v1/rest/mgmt")
            {
                await context.Response.WriteAsync(V1("Table_0", [("Result", "string")], [["ok"]]));
            }
            else if (path == "/v2/rest/query")
            {
                await context.Response.WriteAsync(V2(QueryColumns, QueryRows));
            }
            else if (path.StartsWith("/v1/rest/ingest/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 200;
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Url = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Url { get; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Columns (name, Kusto type) of the PrimaryResult the next queries answer.</summary>
    public (string Name, string Type)[] QueryColumns { get; set; } = [];

    /// <summary>Rows of the PrimaryResult the next queries answer.</summary>
    public object?[][] QueryRows { get; set; } = [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string V1(string name, (string Name, string Type)[] columns, object?[][] rows) => JsonSerializer.Serialize(new
    {
        Tables = new[]
        {
            new { TableName = name, Columns = columns.Select(c => new { ColumnName = c.Name, DataType = "String", ColumnType = c.Type }), Rows = rows },
        },
    });

    private static string V2((string Name, string Type)[] columns, object?[][] rows) => JsonSerializer.Serialize(new object[]
    {
        new { FrameType = "DataSetHeader", IsProgressive = false, Version = "v2.0" },
        new { FrameType = "DataTable", TableId = 0, TableKind = "QueryProperties", TableName = "@ExtendedProperties",
            Columns = new[] { new { ColumnName = "TableId", ColumnType = "int" }, new { ColumnName = "Key", ColumnType = "string" }, new { ColumnName = "Value", ColumnType = "dynamic" } },
            Rows = new object[][] { [1, "Visualization", "{\"Visualization\":null}"] } },
        new { FrameType = "DataTable", TableId = 1, TableKind = "PrimaryResult", TableName = "PrimaryResult",
            Columns = columns.Select(c => new { ColumnName = c.Name, ColumnType = c.Type }), Rows = rows },
        new { FrameType = "DataSetCompletion", HasErrors = false, Cancelled = false },
    });
}
