using System.Text.Json;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Kusto;
using AzLocalMonitor.Rules.Tests.Support;
using Azure.Core;

namespace AzLocalMonitor.Rules.Tests.Kusto;

/// <summary>
/// The Kusto history store against <see cref="KustoContractServer"/> (documented REST shapes, no engine): batches,
/// retries, the bearer token, the schema commands and the parsing of v2 query frames. It proves the requests are
/// what the REST API documents and the responses are read right; it cannot prove the KQL runs or what it returns
/// on a real cluster.
/// </summary>
public sealed class KustoHistoryStoreTests
{
    private static readonly HistorySample[] Five =
    [
        new("c1", "memory_used_bytes", 1_700_000_000_000, 1),
        new("c1", "memory_used_bytes", 1_700_000_060_000, 2),
        new("c1", "memory_used_bytes", 1_700_000_120_000, 3),
        new("c,2", "vm_count", 1_700_000_000_000, 4),
        new("c1", "vm_count", 1_700_000_000_000, double.NaN), // not finite: not sent
    ];

    [Fact]
    public async Task StreamingIngest_SendsBatchesOfMaxRows_WithTheTokenAndMapping_AfterRetrying503()
    {
        await using var server = new KustoContractServer(failFirst: 1);
        var store = Store(server, o => o.MaxBatchRows = 2);

        await store.AppendAsync(Five);

        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count); // one refused with 503 and retried, then 2 batches (2 + 2 finite rows)
        Assert.All(requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.All(requests, r => Assert.Equal("/v1/rest/ingest/fleet/AzlmHistory", r.Path));
        Assert.All(requests, r => Assert.Equal("?streamFormat=Csv&mappingName=AzlmHistoryCsv", r.Query));
        Assert.Equal(requests[0].Body, requests[1].Body); // the retry resends the same batch
        Assert.Equal("2023-11-14T22:13:20.000Z,c1,memory_used_bytes,1\n2023-11-14T22:14:20.000Z,c1,memory_used_bytes,2\n", requests[1].Body);
        Assert.Equal("2023-11-14T22:15:20.000Z,c1,memory_used_bytes,3\n2023-11-14T22:13:20.000Z,\"c,2\",vm_count,4\n", requests[2].Body);
    }

    [Fact]
    public async Task InlineIngest_UsesTheManagementEndpoint_AfterTheSchemaCommands()
    {
        await using var server = new KustoContractServer();
        var store = Store(server, o =>
        {
            o.IngestMode = "inline";
            o.CreateSchema = true;
        });

        await store.AppendAsync(Five[..1]);

        var requests = server.Requests.ToList();
        Assert.All(requests, r => Assert.Equal("/v1/rest/mgmt", r.Path));
        var commands = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(commands, c => Assert.Equal("fleet", c.GetProperty("db").GetString()));
        Assert.Equal([.. KustoSchema.Commands("AzlmHistory"), ".ingest inline into table AzlmHistory with (format='csv', ingestionMappingReference='AzlmHistoryCsv') <|\n2023-11-14T22:13:20.000Z,c1,memory_used_bytes,1\n"],
            commands.Select(c => c.GetProperty("csl").GetString()));
    }

    [Fact]
    public async Task Ingest_GivesUpAfterMaxRetries_WithTheStatus()
    {
        await using var server = new KustoContractServer(failFirst: 100, failStatus: 429);
        var store = Store(server, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<KustoException>(() => store.AppendAsync(Five[..1]));

        Assert.Contains("429", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Query_SendsTheRollupKqlWithParameters_AndReadsThePrimaryResultFrame()
    {
        await using var server = new KustoContractServer
        {
            QueryColumns = [("Start", "datetime"), ("Count", "long"), ("Min", "real"), ("Avg", "real"), ("Max", "real"), ("P95", "real")],
            QueryRows = [["2023-11-14T00:00:00Z", 24, 1.5, 2.0, 3.25, 3.0], ["2023-11-15T00:00:00Z", 12, 1.0, "NaN", 2.0, 2.0]],
        };
        var store = Store(server);

        var rollups = await store.QueryAsync("c1", "memory_used_bytes", Resolution.Day, 1_699_920_000_000, 1_700_092_800_000);

        Assert.Equal(
            [
                new Rollup("c1", "memory_used_bytes", Resolution.Day, 1_699_920_000_000, 24, 1.5, 2.0, 3.25, 3.0),
                new Rollup("c1", "memory_used_bytes", Resolution.Day, 1_700_006_400_000, 12, 1.0, double.NaN, 2.0, 2.0),
            ],
            rollups);
        var request = JsonDocument.Parse(server.Requests.Single().Body).RootElement;
        Assert.Equal("/v2/rest/query", server.Requests.Single().Path);
        Assert.Equal(KustoQueries.Rollups("AzlmHistory", Resolution.Day), request.GetProperty("csl").GetString());
        var parameters = request.GetProperty("properties").GetProperty("Parameters");
        Assert.Equal("c1", parameters.GetProperty("cluster").GetString());
        Assert.Equal("memory_used_bytes", parameters.GetProperty("series").GetString());
        Assert.Equal("2023-11-14T00:00:00.000Z", parameters.GetProperty("fromTime").GetString());
    }

    [Fact]
    public void DeploySchemaFile_HoldsEveryCommandRulesSends()
    {
        var file = File.ReadAllText(Path.Combine(RepoRoot.Path, "deploy", "kusto", "schema.kql"));
        Assert.All(KustoSchema.Commands("AzlmHistory"), c => Assert.Contains(c, file, StringComparison.Ordinal));
    }

    [Fact]
    public void DeployQueriesFile_HoldsTheKqlOfEveryCapacityQuery()
    {
        var file = File.ReadAllText(Path.Combine(RepoRoot.Path, "deploy", "kusto", "queries.kql")).ReplaceLineEndings("\n");
        foreach (var query in new[] { KustoQueries.Rollups("AzlmHistory", Resolution.Hour), KustoQueries.Clusters("AzlmHistory"), KustoQueries.Latest("AzlmHistory") })
        {
            Assert.Contains(query.ReplaceLineEndings("\n"), file, StringComparison.Ordinal);
        }
    }

    private static KustoHistoryStore Store(KustoContractServer server, Action<KustoOptions>? configure = null)
    {
        var options = new KustoOptions { ClusterUrl = server.Url.ToString().TrimEnd('/'), Database = "fleet", RetryDelay = TimeSpan.FromMilliseconds(1) };
        configure?.Invoke(options);
        return new KustoHistoryStore(new KustoClient(new HttpClient(), options, new FixedToken()), options);
    }

    /// <summary>Stands in for Azure.Identity's credential (no Entra ID here): always the same token.</summary>
    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
