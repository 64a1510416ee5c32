using AzLocalMonitor.Rules.Auth;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Sharding by cluster (configuration section <c>Shard</c>): the clusters this Rules instance owns, as names or globs
/// (<c>Shard:Clusters:0=retail-*</c>). A report for any other cluster is refused whole with 421 Misdirected Request
/// and counted (<c>azlm_ingest_requests_total{outcome="misdirected"}</c>,
/// <c>azlm_ingest_samples_rejected_total{reason="not_this_shard"}</c>): nothing of it is stored or alerted on, so a
/// cluster's alerts come from its owners only. Empty: this instance owns every cluster (no sharding).
/// </summary>
public sealed class ShardOptions
{
    public const string Section = "Shard";

    /// <summary>Name of the shard, for the refusal message and logs (e.g. <c>shard-a</c>). Optional.</summary>
    public string? Name { get; set; }

    /// <summary>Cluster names or globs (<c>*</c>, <c>?</c>, case-sensitive) this shard owns; empty: every cluster.</summary>
    public List<string> Clusters { get; set; } = [];

    /// <summary>The owned clusters as a scope (every cluster when none is listed).</summary>
    public ClusterScope Scope() =>
        Clusters.Any(c => !string.IsNullOrWhiteSpace(c)) ? ClusterScope.Parse(string.Join(',', Clusters)) : ClusterScope.All;
}
