namespace AzLocalMonitor.Collector.Export;

/// <summary>How a destination is retried while it is unreachable.</summary>
/// <param name="MaxAttempts">Retries per round before waiting for the next batch (or <paramref name="MaxDelay"/>).</param>
/// <param name="Delay">First backoff; doubles each retry, with jitter.</param>
/// <param name="MaxDelay">Longest backoff, and the longest pause between rounds.</param>
/// <param name="AttemptTimeout">How long one POST may take.</param>
/// <param name="Seed">Seeds the jitter.</param>
internal sealed record RetryOptions(int MaxAttempts, TimeSpan Delay, TimeSpan MaxDelay, TimeSpan AttemptTimeout, int Seed)
{
    /// <summary>
    /// Longest wait a server's Retry-After can impose: a wrong or hostile header cannot park the agent for a day
    /// (the spool keeps everything meanwhile, but its limits would start dropping the oldest batches).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    public static RetryOptions Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), 17);
}
