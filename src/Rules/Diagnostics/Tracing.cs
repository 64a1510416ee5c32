using System.Diagnostics;

namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>
/// Rules' spans: <c>ingest</c> (one OTLP request) → <c>evaluate</c> (one cluster's rules) → <c>notify</c> (one batch
/// to one destination, linked to the evaluations that raised its alerts). Exported over OTLP when
/// <c>Otel:Endpoint</c> is set; without a listener <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and costs nothing.
/// </summary>
public static class Tracing
{
    public const string SourceName = "AzLocalMonitor.Rules";
    public const string Ingest = "ingest";
    public const string Evaluate = "evaluate";
    public const string Notify = "notify";

    /// <summary>The cluster a span is about: the resource attribute agents use for it.</summary>
    public const string ClusterAttribute = "azlocal.cluster";

    /// <summary>Static by design: an ActivitySource is a process-wide name that listeners subscribe to.</summary>
    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Sets <see cref="ClusterAttribute"/>: the cluster, or the sorted, comma-separated clusters when several.</summary>
    public static void TagClusters(Activity? activity, IEnumerable<string?> clusters)
    {
        if (activity is null)
        {
            return;
        }

        var names = clusters.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            activity.SetTag(ClusterAttribute, string.Join(',', names));
        }
    }
}
