using AzLocalMonitor.Collector.Export.Otlp;
using AzLocalMonitor.Collector.Export.Spool;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// The agent's own health, stamped into every batch it spools (scope <see cref="ScopeName"/>), so Rules, Prometheus
/// and Grafana see it beside the data: the batch's sequence number (consecutive: a gap means a lost batch, a step
/// back a reordering), the spool depth, drops, poisoned batches and each destination's last successful export.
/// Rules exposes them as <c>azlm_agent_batch_sequence</c>, <c>azlm_agent_spool_batches</c>,
/// <c>azlm_agent_spool_bytes</c>, <c>azlm_agent_spool_dropped_total</c>, <c>azlm_agent_export_poisoned_total</c> and
/// <c>azlm_agent_export_last_success_seconds</c> (Unix time, label <c>destination</c>), and on Windows
/// <c>azlm_agent_cluster_queryable</c>: 0 while this node cannot query its cluster (it then reports no quorum, votes or
/// other cluster facts: being cut off is not evidence that the cluster lost quorum).
/// </summary>
internal static class AgentSelfMetrics
{
    public const string ScopeName = "AzLocalMonitor.Collector.Agent";
    public const string BatchSequence = "azlm.agent.batch.sequence";
    public const string SpoolBatches = "azlm.agent.spool.batches";
    public const string SpoolBytes = "azlm.agent.spool.bytes";
    public const string SpoolDropped = "azlm.agent.spool.dropped";
    public const string ExportPoisoned = "azlm.agent.export.poisoned";
    public const string LastSuccess = "azlm.agent.export.last_success";
    public const string ClusterQueryable = "azlm.agent.cluster.queryable";

    /// <param name="sequence">The sequence of the batch being built.</param>
    /// <param name="timeUnixNano">The batch's measurement time.</param>
    /// <param name="startUnixNano">When the agent started (start of the cumulative counters).</param>
    /// <param name="clusterQueryable">Whether the source could query its cluster; null (not exported) for sources without one.</param>
    public static OtlpScope Build(long sequence, ulong timeUnixNano, ulong startUnixNano, BatchSpool spool, IEnumerable<DestinationStatus> destinations, bool? clusterQueryable = null)
    {
        ArgumentNullException.ThrowIfNull(spool);
        ArgumentNullException.ThrowIfNull(destinations);
        var lastSuccess = new OtlpMetric(LastSuccess, "s", "When each destination last acknowledged a batch (Unix seconds).", OtlpMetricKind.Gauge, []);
        foreach (var destination in destinations)
        {
            if (destination.LastSuccess is { } at)
            {
                lastSuccess.Points.Add(new OtlpPoint(0, timeUnixNano, [new("destination", destination.Destination.Name)]).Set(at.ToUnixTimeMilliseconds() / 1000.0));
            }
        }

        List<OtlpMetric> metrics =
        [
            Gauge(BatchSequence, string.Empty, "Sequence number of this batch (consecutive across restarts).", sequence, timeUnixNano),
            Gauge(SpoolBatches, "{batch}", "Batches on disk not yet acknowledged by every destination (this one included).", spool.Depth + 1, timeUnixNano),
            Gauge(SpoolBytes, "By", "Bytes of the spooled batches.", spool.Bytes, timeUnixNano),
            Counter(SpoolDropped, "{batch}", "Batches dropped unsent because the spool was full.", spool.Dropped, startUnixNano, timeUnixNano),
            Counter(ExportPoisoned, "{batch}", "Batches a destination refused as invalid (4xx), set aside in the spool's poison folder.", spool.Poisoned, startUnixNano, timeUnixNano),
        ];
        if (clusterQueryable is { } queryable)
        {
            metrics.Add(Gauge(ClusterQueryable, string.Empty, "1 while this node can query its cluster (root\\MSCluster answers), 0 while it cannot.", queryable ? 1 : 0, timeUnixNano));
        }

        if (lastSuccess.Points.Count > 0)
        {
            metrics.Add(lastSuccess);
        }

        return new OtlpScope(ScopeName, string.Empty, metrics);
    }

    private static OtlpMetric Gauge(string name, string unit, string help, long value, ulong time) =>
        new(name, unit, help, OtlpMetricKind.Gauge, [new OtlpPoint(0, time, []).Set(value)]);

    private static OtlpMetric Counter(string name, string unit, string help, long value, ulong start, ulong time) =>
        new(name, unit, help, OtlpMetricKind.MonotonicSum, [new OtlpPoint(start, time, []).Set(value)]);
}
