namespace AzLocalMonitor.Rules.History;

/// <summary>Rollup resolutions, like the Health Service's LastDay/LastMonth/LastYear series (docs/capacity.md).</summary>
public enum Resolution
{
    /// <summary>5-minute buckets (kept 35 days by default).</summary>
    FiveMinutes,

    /// <summary>1-hour buckets (kept 18 months and more).</summary>
    Hour,

    /// <summary>1-day buckets (kept for years).</summary>
    Day,
}
