using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Kusto;

/// <summary>
/// The KQL behind each capacity query (documented in deploy/kusto/queries.kql). Values arrive as query parameters
/// (<c>declare query_parameters</c>), never spliced into the text. Kusto's <c>percentile()</c> is an estimate
/// (T-Digest), so the P95 of a large bucket can differ slightly from the SQLite store's exact nearest rank.
/// </summary>
public static class KustoQueries
{
    /// <summary>Rollups of one series at one bucket size: what <c>IHistoryStore.QueryAsync</c> returns.</summary>
    public static string Rollups(string table, Resolution resolution) => $$"""
        declare query_parameters(cluster: string, series: string, fromTime: datetime, toTime: datetime);
        {{table}}
        | where Cluster == cluster and Series == series and Timestamp >= fromTime and Timestamp < toTime and isfinite(Value)
        | summarize Count = count(), Min = min(Value), Avg = avg(Value), Max = max(Value), P95 = percentile(Value, 95) by Start = bin(Timestamp, {{Bin(resolution)}})
        | order by Start asc
        """;

    /// <summary>Clusters with any history.</summary>
    public static string Clusters(string table) => $"{table} | distinct Cluster | order by Cluster asc";

    /// <summary>The newest point's time.</summary>
    public static string Latest(string table) => $"{table} | summarize Latest = max(Timestamp)";

    private static string Bin(Resolution resolution) => resolution switch
    {
        Resolution.FiveMinutes => "5m",
        Resolution.Hour => "1h",
        _ => "1d",
    };
}
