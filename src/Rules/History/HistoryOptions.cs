namespace AzLocalMonitor.Rules.History;

/// <summary>Capacity history (configuration section <c>History</c>).</summary>
public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>SQLite file; relative paths are relative to the working directory (like <c>State:Path</c>). Default <c>data/history.db</c>.</summary>
    public string Path { get; set; } = "data/history.db";

    /// <summary>How often the latest values are recorded from the series store. Default 1 minute.</summary>
    public TimeSpan RecordInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often rollups are computed and old data pruned. Default 5 minutes.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A CSV file (<c>cluster,series,timestamp,value</c>) loaded once at start when set. Default none.</summary>
    public string BackfillCsv { get; set; } = string.Empty;

    /// <summary>Retention per kind.</summary>
    public HistoryRetention Retention { get; set; } = new();
}
