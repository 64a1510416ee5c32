using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>Rules' own counters, exposed on /metrics with the <c>azlm_</c> prefix. Lock-free increments.</summary>
public sealed class SelfMetrics
{
    private readonly long[,] _requests = new long[2, 5];
    private readonly long[] _rejected = new long[Enum.GetValues<RejectReason>().Length];
    private long _samples;
    private long _evaluations;
    private long _evaluationTicks;
    private long _sent;
    private long _failed;
    private long _dropped;
    private long _droppedCritical;

    /// <summary>Outcome of an ingest request (label <c>outcome</c>).</summary>
    public enum Outcome
    {
        Accepted,
        Invalid,
        TooLarge,
        UnsupportedMediaType,

        /// <summary>Refused whole: it names a cluster another shard owns (421).</summary>
        Misdirected,
    }

    public void IngestRequest(OtlpEncoding? encoding, Outcome outcome) =>
        Interlocked.Increment(ref _requests[encoding == OtlpEncoding.Json ? 1 : 0, (int)outcome]);

    public void SamplesAccepted(int count) => Interlocked.Add(ref _samples, count);

    public void SamplesRejected(RejectReason reason, int count) => Interlocked.Add(ref _rejected[(int)reason], count);

    public void RecordEvaluation(TimeSpan elapsed)
    {
        Interlocked.Increment(ref _evaluations);
        Interlocked.Add(ref _evaluationTicks, elapsed.Ticks);
    }

    public void NotificationsSent(int count) => Interlocked.Add(ref _sent, count);

    public void NotificationsFailed(int count) => Interlocked.Add(ref _failed, count);

    /// <summary>An alert left the full delivery queue unsent (critical only when the queue held nothing else).</summary>
    public void NotificationDropped(bool critical) => Interlocked.Increment(ref critical ? ref _droppedCritical : ref _dropped);

    /// <summary>Samples stored since start.</summary>
    public long SamplesTotal => Interlocked.Read(ref _samples);

    /// <summary>Writes every self-metric.</summary>
    public void WriteTo(PrometheusTextWriter writer, int activeSeries, int queueLength)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Family("azlm_ingest_requests_total", "counter", "OTLP export requests received, by encoding and outcome.");
        string[] encodings = ["protobuf", "json"];
        string[] outcomes = ["accepted", "invalid", "too_large", "unsupported_media_type", "misdirected"];
        for (var e = 0; e < 2; e++)
        {
            for (var o = 0; o < outcomes.Length; o++)
            {
                writer.Sample("azlm_ingest_requests_total", LabelSet.Of("encoding", encodings[e], "outcome", outcomes[o]), Interlocked.Read(ref _requests[e, o]));
            }
        }

        writer.Family("azlm_ingest_samples_total", "counter", "Data points stored.");
        writer.Sample("azlm_ingest_samples_total", LabelSet.Empty, SamplesTotal);
        writer.Family("azlm_ingest_samples_rejected_total", "counter", "Data points not stored, by reason.");
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            writer.Sample("azlm_ingest_samples_rejected_total", LabelSet.Of("reason", SnakeCase(reason.ToString())), Interlocked.Read(ref _rejected[(int)reason]));
        }

        writer.Family("azlm_series_active", "gauge", "Series held in memory.");
        writer.Sample("azlm_series_active", LabelSet.Empty, activeSeries);
        writer.Family("azlm_rule_evaluation_seconds", "summary", "Time spent evaluating every rule for one cluster.");
        writer.Sample("azlm_rule_evaluation_seconds_sum", LabelSet.Empty, TimeSpan.FromTicks(Interlocked.Read(ref _evaluationTicks)).TotalSeconds);
        writer.Sample("azlm_rule_evaluation_seconds_count", LabelSet.Empty, Interlocked.Read(ref _evaluations));
        writer.Family("azlm_notifications_sent_total", "counter", "Alerts delivered to Alertmanager.");
        writer.Sample("azlm_notifications_sent_total", LabelSet.Empty, Interlocked.Read(ref _sent));
        writer.Family("azlm_notifications_failed_total", "counter", "Alerts whose delivery failed after every retry.");
        writer.Sample("azlm_notifications_failed_total", LabelSet.Empty, Interlocked.Read(ref _failed));
        writer.Family("azlm_notifications_dropped_total", "counter", "Alerts dropped because the delivery queue was full, by severity (critical: the queue held only criticals).");
        writer.Sample("azlm_notifications_dropped_total", LabelSet.Of("severity", "critical"), Interlocked.Read(ref _droppedCritical));
        writer.Sample("azlm_notifications_dropped_total", LabelSet.Of("severity", "other"), Interlocked.Read(ref _dropped));
        writer.Family("azlm_notification_queue_length", "gauge", "Alerts waiting for delivery.");
        writer.Sample("azlm_notification_queue_length", LabelSet.Empty, queueLength);
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
