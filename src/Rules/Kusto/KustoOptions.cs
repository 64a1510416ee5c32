namespace AzLocalMonitor.Rules.Kusto;

/// <summary>Azure Data Explorer as the history store (configuration section <c>Kusto</c>, used when <c>Capacity:HistorySource=kusto</c>).</summary>
public sealed class KustoOptions
{
    public const string Section = "Kusto";

    /// <summary>The cluster's query URL, e.g. <c>https://mycluster.westeurope.kusto.windows.net</c>.</summary>
    public string ClusterUrl { get; set; } = string.Empty;

    /// <summary>Database holding the history table.</summary>
    public string Database { get; set; } = string.Empty;

    /// <summary>History table (deploy/kusto/schema.kql creates it). Default <c>AzlmHistory</c>.</summary>
    public string Table { get; set; } = "AzlmHistory";

    /// <summary><c>streaming</c> (POST /v1/rest/ingest, needs the table's streaming ingestion policy) or <c>inline</c> (<c>.ingest inline</c> over /v1/rest/mgmt; small volumes and tests only). Default streaming.</summary>
    public string IngestMode { get; set; } = "streaming";

    /// <summary>Most rows per ingest request. Default 5000.</summary>
    public int MaxBatchRows { get; set; } = 5000;

    /// <summary>Retries of a request that failed with a network error, 429 or 5xx. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay (exponential, with jitter). Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the schema commands (<see cref="KustoSchema"/>) at start; needs the Database Admin role. Default false (run deploy/kusto/schema.kql once instead).</summary>
    public bool CreateSchema { get; set; }

    /// <summary>Microsoft Entra tenant for the client-credentials flow (with <see cref="ClientId"/> and <see cref="ClientSecret"/>); empty: DefaultAzureCredential (managed identity, environment, Azure CLI).</summary>
    public string TenantId { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Entra authority host. Default the public cloud's (https://login.microsoftonline.com/).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";
}
