namespace AzLocalMonitor.Rules.Auth;

/// <summary>
/// Per-token request rates (configuration section <c>RateLimits</c>): one credential, leaked or buggy, cannot flood
/// ingest or the write APIs for everyone. Token buckets per token name; past them 429 with <c>Retry-After</c>.
/// Generous defaults: a fleet's agents often share one ingest token. 0 turns a limit off.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary><c>POST /v1/metrics</c> requests per second per token, sustained. Default 500.</summary>
    public int IngestPerSecond { get; set; } = 500;

    /// <summary>Ingest requests a token may send at once above the sustained rate. Default 2,000.</summary>
    public int IngestBurst { get; set; } = 2_000;

    /// <summary>Maintenance, silence and policy-reload changes per minute per token, sustained. Default 60.</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Changes a token may make at once above the sustained rate. Default 30.</summary>
    public int WritesBurst { get; set; } = 30;
}
