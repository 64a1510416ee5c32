namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>Why a data point was not stored (label <c>reason</c> of <c>azlm_ingest_samples_rejected_total</c>).</summary>
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
}
