namespace AzLocalMonitor.Rules.Series;

/// <summary>How long series are trusted and kept (configuration section <c>Series</c>).</summary>
public sealed class SeriesOptions
{
    public const string Section = "Series";

    /// <summary>A series not reported for this long is stale: rules ignore it and /metrics omits it. Default 60 s.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A stale series is forgotten after this long. Default 1 h.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Recent points kept per series for rates and the web dashboard's charts (the short history). Default 32: about
    /// 2.5 min at a 5 s report interval. Packed: ~80 bytes per series plus 1 byte per point while the value and the
    /// report interval hold, about 10 (at most 19) when they change. State sets keep only their latest value
    /// (<see cref="HistoryPolicy"/>).
    /// </summary>
    public int HistoryLength { get; set; } = 32;
}
