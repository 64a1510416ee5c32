namespace AzLocalMonitor.Rules.Kusto;

/// <summary>
/// The control commands that make the history table: the same text as deploy/kusto/schema.kql (a test keeps the
/// two equal). One row per raw point; rollups are computed by the capacity queries (<see cref="KustoQueries"/>).
/// </summary>
public static class KustoSchema
{
    /// <summary>The CSV ingestion mapping's name: column order of the rows Rules sends.</summary>
    public const string CsvMapping = "AzlmHistoryCsv";

    /// <summary>Every command, in order, for table <paramref name="table"/>.</summary>
    public static IReadOnlyList<string> Commands(string table) =>
    [
        $".create-merge table {table} (Timestamp: datetime, Cluster: string, Series: string, Value: real)",
        $".create-or-alter table {table} ingestion csv mapping '{CsvMapping}' '[{{\"Column\":\"Timestamp\",\"Properties\":{{\"Ordinal\":\"0\"}}}},{{\"Column\":\"Cluster\",\"Properties\":{{\"Ordinal\":\"1\"}}}},{{\"Column\":\"Series\",\"Properties\":{{\"Ordinal\":\"2\"}}}},{{\"Column\":\"Value\",\"Properties\":{{\"Ordinal\":\"3\"}}}}]'",
        $".alter table {table} policy streamingingestion enable",
        $".alter-merge table {table} policy retention softdelete = 1826d recoverability = disabled",
    ];
}
