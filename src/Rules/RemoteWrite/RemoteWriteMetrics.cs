using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Remote write's self-metrics on /metrics, per destination: samples pending, sent, failed (attempts retried), dropped
/// (refused for good, or deleted unread by the buffer's size limit), the newest sample time sent and the lag behind
/// the newest appended (Prometheus' highest-timestamp pair, as seconds).
/// </summary>
public sealed class RemoteWriteMetrics(RemoteWriteBuffer buffer, IReadOnlyList<RemoteWriteSender> senders) : IMetricsContributor
{
    public void WriteTo(PrometheusTextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var appendedMs = buffer.Shards.Max(s => s.HighestTimestampMs);
        Family(writer, "azlm_remote_write_samples_pending", "gauge", "Samples in the buffer not yet acknowledged by the destination.", s => s.Cursors.Sum(c => c.Pending));
        Family(writer, "azlm_remote_write_samples_sent_total", "counter", "Samples the destination acknowledged.", s => s.Sent);
        Family(writer, "azlm_remote_write_samples_failed_total", "counter", "Samples in requests that failed and were retried (per attempt).", s => s.Failed);
        writer.Family("azlm_remote_write_samples_dropped_total", "counter", "Samples lost for good: refused by the destination (4xx) or deleted unread when the buffer was full.");
        foreach (var sender in senders)
        {
            writer.Sample("azlm_remote_write_samples_dropped_total", Labels(sender, "reason", "rejected"), sender.Rejected);
            writer.Sample("azlm_remote_write_samples_dropped_total", Labels(sender, "reason", "buffer_full"), sender.Cursors.Sum(c => c.DroppedCount));
        }

        Family(writer, "azlm_remote_write_requests_total", "counter", "Requests the destination acknowledged.", s => s.Requests);
        Family(writer, "azlm_remote_write_highest_sent_timestamp_seconds", "gauge", "Newest sample time the destination acknowledged.", s => s.Cursors.Max(c => c.HighestSentMs) / 1000.0);
        writer.Family("azlm_remote_write_highest_appended_timestamp_seconds", "gauge", "Newest sample time written to the buffer.");
        writer.Sample("azlm_remote_write_highest_appended_timestamp_seconds", LabelSet.Empty, appendedMs / 1000.0);
        Family(writer, "azlm_remote_write_lag_seconds", "gauge", "Newest appended sample time minus the newest acknowledged (0 when caught up).",
            s => s.Cursors.All(c => c.Pending == 0) ? 0 : Math.Max(0, (appendedMs - s.Cursors.Max(c => c.HighestSentMs)) / 1000.0));
        writer.Family("azlm_remote_write_buffer_bytes", "gauge", "Bytes held in the buffer's segment files.");
        writer.Sample("azlm_remote_write_buffer_bytes", LabelSet.Empty, buffer.Shards.Sum(s => s.Bytes));
    }

    private void Family(PrometheusTextWriter writer, string name, string type, string help, Func<RemoteWriteSender, double> value)
    {
        writer.Family(name, type, help);
        foreach (var sender in senders)
        {
            writer.Sample(name, Labels(sender), value(sender));
        }
    }

    private static LabelSet Labels(RemoteWriteSender sender, params string[] more) =>
        LabelSet.From([new("destination", sender.Destination.ToString()), .. more.Chunk(2).Select(p => new KeyValuePair<string, string>(p[0], p[1]))]);
}
