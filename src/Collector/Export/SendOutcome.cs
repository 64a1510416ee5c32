namespace AzLocalMonitor.Collector.Export;

/// <summary>What one POST of a batch to a destination came to.</summary>
internal enum SendOutcome
{
    /// <summary>2xx: the destination has the batch.</summary>
    Delivered,

    /// <summary>Unreachable, timed out, 408, 429 or 5xx: try again later, in order.</summary>
    Retry,

    /// <summary>Another 4xx: the destination will never accept this batch; it is set aside and counted.</summary>
    Poison,
}
