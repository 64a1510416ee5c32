namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>Why a data point was not stored (label <c>reason</c> of <c>azlm_ingest_samples_rejected_total</c>, in snake case).</summary>
public enum RejectReason
{
    /// <summary>Neither the data point nor the resource names a cluster.</summary>
    NoCluster,

    /// <summary>Histograms, exponential histograms and summaries: not in the catalog, not stored.</summary>
    UnsupportedType,

    /// <summary>The point carries the "no recorded value" flag or has no value.</summary>
    NoValue,

    /// <summary>Older than the series' latest point (another node already reported newer).</summary>
    OutOfOrder,

    /// <summary>The caller's token may not write this cluster (<c>Auth:Tokens:&lt;name&gt;:Clusters</c>).</summary>
    ClusterNotAllowed,

    /// <summary>Timestamped further ahead than <c>Ingest:MaxFutureSkew</c>.</summary>
    FutureTimestamp,

    /// <summary>Older than <c>Ingest:MaxPointAge</c>.</summary>
    TooOld,

    /// <summary>More attributes than <c>Ingest:MaxAttributesPerPoint</c>.</summary>
    TooManyAttributes,

    /// <summary>A metric or label name longer than <c>Ingest:MaxNameLength</c>.</summary>
    NameTooLong,

    /// <summary>A label value longer than <c>Ingest:MaxLabelValueLength</c>.</summary>
    ValueTooLong,

    /// <summary>A cluster name longer than <c>Ingest:MaxClusterNameLength</c>.</summary>
    ClusterNameTooLong,

    /// <summary>A metric name Rules writes itself on /metrics (<c>azlm_*</c>, <c>ALERTS</c>): a second family would break the scrape.</summary>
    ReservedName,

    /// <summary>Would create a series past <c>Ingest:MaxSeriesPerCluster</c> or <c>Ingest:MaxSeries</c>.</summary>
    SeriesLimit,

    /// <summary>Would create a cluster past <c>Ingest:MaxClusters</c>.</summary>
    ClusterLimit,

    /// <summary>For a cluster this Rules instance does not own (<c>Shard:Clusters</c>): the report went to the wrong shard.</summary>
    NotThisShard,
}
