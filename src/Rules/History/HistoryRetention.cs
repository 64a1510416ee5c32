namespace AzLocalMonitor.Rules.History;

/// <summary>How long each kind of history is kept (configuration <c>History:Retention</c>).</summary>
public sealed class HistoryRetention
{
    /// <summary>18 months (548 days): the least the hourly rollups must cover.</summary>
    public static readonly TimeSpan EighteenMonths = TimeSpan.FromDays(548);

    /// <summary>Raw recorded points: enough to recompute the newest daily bucket. Default 2 days.</summary>
    public TimeSpan Raw { get; set; } = TimeSpan.FromDays(2);

    /// <summary>5-minute rollups. Default 35 days.</summary>
    public TimeSpan FiveMinutes { get; set; } = TimeSpan.FromDays(35);

    /// <summary>Hourly rollups. Default 550 days (at least 18 months).</summary>
    public TimeSpan Hour { get; set; } = TimeSpan.FromDays(550);

    /// <summary>Daily rollups. Default 5 years.</summary>
    public TimeSpan Day { get; set; } = TimeSpan.FromDays(5 * 365);

    /// <summary>Retention of a resolution.</summary>
    public TimeSpan Of(Resolution resolution) => resolution switch
    {
        Resolution.FiveMinutes => FiveMinutes,
        Resolution.Hour => Hour,
        _ => Day,
    };
}
