namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Alertmanager delivery (configuration section <c>Alertmanager</c>; environment <c>Alertmanager__Url</c>, or the list
/// <c>Alertmanager__Urls__0</c>, <c>Alertmanager__Urls__1</c>, …). Every alert goes to every Alertmanager: the members
/// of an Alertmanager cluster (gossip mesh) deduplicate, so a dead member costs nothing (docs/scale-out.md).
/// </summary>
public sealed class AlertmanagerOptions
{
    public const string Section = "Alertmanager";

    /// <summary>Alertmanager base URL, e.g. http://127.0.0.1:9093. Empty: alerts are only kept and exposed.</summary>
    public string? Url { get; set; }

    /// <summary>More Alertmanagers (the members of an Alertmanager cluster); alerts go to each, and to <see cref="Url"/>.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary><see cref="Url"/> and <see cref="Urls"/>, blanks and repeats left out, in the order given.</summary>
    public IReadOnlyList<string> AllUrls() =>
        [.. new[] { Url }.Concat(Urls).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

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
