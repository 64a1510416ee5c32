namespace AzLocalMonitor.Rules.Notify;

/// <summary>Alertmanager delivery (configuration section <c>Alertmanager</c>; environment <c>Alertmanager__Url</c>).</summary>
public sealed class AlertmanagerOptions
{
    public const string Section = "Alertmanager";

    /// <summary>Alertmanager base URL, e.g. http://127.0.0.1:9093. Empty: alerts are only kept and exposed.</summary>
    public string? Url { get; set; }

    /// <summary>Timeout of one POST. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Alerts waiting for delivery before the oldest are dropped (counted). Default 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most alerts per POST (Prometheus: 256).</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Retries of a failed POST, with exponential backoff and jitter. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base URL of this Rules instance, for alerts' generatorURL.</summary>
    public string GeneratorUrl { get; set; } = "http://127.0.0.1:9480";
}
