namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Prometheus remote write of every ingested sample and the ALERTS series (configuration section <c>RemoteWrite</c>).
/// Destinations come from <c>RemoteWrite:Url</c> and the list <c>RemoteWrite:Urls:N</c> (see <see cref="RemoteWriteDestination"/>).
/// </summary>
public sealed class RemoteWriteOptions
{
    public const string Section = "RemoteWrite";

    /// <summary>The write-ahead buffer's directory (one sub-directory per shard). Default <c>data/remote-write</c>.</summary>
    public string WalPath { get; set; } = "data/remote-write";

    /// <summary>Parallel senders per destination; a series always goes to the same shard, so its samples stay in order. Default 2.</summary>
    public int Shards { get; set; } = 2;

    /// <summary>Most samples in one request. Default 2000 (Prometheus' max_samples_per_send).</summary>
    public int MaxSamplesPerSend { get; set; } = 2000;

    /// <summary>Bytes the buffer may hold over every shard; past it the oldest segments are dropped (counted). Default 1 GiB.</summary>
    public long MaxBufferBytes { get; set; } = 1L << 30;

    /// <summary>Size at which a buffer segment is closed and a new one started. Default 16 MiB.</summary>
    public long SegmentBytes { get; set; } = 16L << 20;

    /// <summary>First retry delay (doubles up to <see cref="MaxBackoff"/>, with jitter). Default 100 ms.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest retry delay; a store that is down is retried at this pace until it is back. Default 30 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-request timeout. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the ALERTS series (one sample per pending or firing alert) is written. Default 15 s.</summary>
    public TimeSpan AlertsInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Labels added to every series (e.g. <c>replica</c> or <c>rules_shard</c>), unless the series has the label already.</summary>
    public Dictionary<string, string> ExternalLabels { get; set; } = new(StringComparer.Ordinal);
}
