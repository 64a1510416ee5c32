namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Limits of the OTLP receiver (configuration section <c>Ingest</c>): what one client, careless or hostile, may make
/// Rules hold or believe. Each refusal is counted in <c>azlm_ingest_samples_rejected_total{reason}</c> and explained in
/// the OTLP partial success. Defaults are generous for a fleet of hundreds of 16-node clusters.
/// </summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest accepted body, compressed or not, in bytes; larger gets 413. Default 8 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>
    /// Points timestamped further ahead of Rules' clock are refused (<c>future_timestamp</c>): one fake or badly set
    /// clock must not resolve a real alert, nor make every later true report "out of order". Default 5 min.
    /// </summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A batch the agent spooled at least this long before posting it (header <c>AzLocalMonitor-Batch-Age</c>, the
    /// agent's own clock) is a replay of its backlog: this Rules was unreachable, so the batch is history. It is stored
    /// and evaluated, but the cluster's notifications are held until the replay is over, so an HA replica coming back
    /// never pages again for an incident its peer has already resolved (docs/scale-out.md). Default 10 s.
    /// </summary>
    public TimeSpan ReplayAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Points older than this are refused (<c>too_old</c>); null (the default) accepts any age, so an agent's spool replays after a long outage.</summary>
    public TimeSpan? MaxPointAge { get; set; }

    /// <summary>Data-point attributes per point (<c>too_many_attributes</c>). Default 64.</summary>
    public int MaxAttributesPerPoint { get; set; } = 64;

    /// <summary>Longest metric or label name, in characters (<c>name_too_long</c>). Default 256.</summary>
    public int MaxNameLength { get; set; } = 256;

    /// <summary>Longest label value, in characters (<c>value_too_long</c>). Default 2048.</summary>
    public int MaxLabelValueLength { get; set; } = 2048;

    /// <summary>Longest cluster name, in characters (<c>cluster_name_too_long</c>). Default 128.</summary>
    public int MaxClusterNameLength { get; set; } = 128;

    /// <summary>Series one cluster may hold; a point that would create one more is refused (<c>series_limit</c>). Default 50,000.</summary>
    public int MaxSeriesPerCluster { get; set; } = 50_000;

    /// <summary>Series all clusters together may hold (<c>series_limit</c>). Default 1,000,000.</summary>
    public int MaxSeries { get; set; } = 1_000_000;

    /// <summary>Clusters Rules keeps; points for one more are refused (<c>cluster_limit</c>). Default 2,000.</summary>
    public int MaxClusters { get; set; } = 2_000;

    /// <summary>
    /// Data-point identities the protobuf reader remembers by their attribute bytes (about one per series, ~250 bytes
    /// each), so known series are mapped without decoding their labels; 0 turns it off. Past the bound new ones are
    /// not remembered (the remembered are dropped and refilled at most hourly). Default 150,000.
    /// </summary>
    public int RawSeriesCacheEntries { get; set; } = 150_000;
}
