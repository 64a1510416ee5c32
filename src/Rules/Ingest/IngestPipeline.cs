using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// The data flow of Rules: ingest → series → rules → alerts → notify. Each cluster touched by a request is
/// updated and evaluated under its own lock, and what changed is handed to the notifier at once.
/// </summary>
public sealed class IngestPipeline
{
    private readonly SeriesStore _store;
    private readonly RuleEngine _engine;
    private readonly IAlertNotifier _notifier;
    private readonly NotificationFactory _notifications;
    private readonly TimeProvider _time;
    private readonly SelfMetrics _metrics;
    private readonly AlertPersistence _persistence;
    private readonly long _forgetAfterMs;
    private readonly long _staleAfterMs;
    private readonly long _checkpointMs;
    private long _lastForgetMs;
    private long _lastCheckpointMs;

    public IngestPipeline(SeriesStore store, RuleEngine engine, IAlertNotifier notifier, NotificationFactory notifications,
        TimeProvider time, SelfMetrics metrics, IOptions<SeriesOptions> series, AlertPersistence persistence, IOptions<StateOptions> state)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(state);
        _persistence = persistence;
        _checkpointMs = (long)state.Value.CheckpointInterval.TotalMilliseconds;
        _store = store;
        _engine = engine;
        _notifier = notifier;
        _notifications = notifications;
        _time = time;
        _metrics = metrics;
        _forgetAfterMs = (long)series.Value.ForgetAfter.TotalMilliseconds;
        _staleAfterMs = (long)series.Value.StaleAfter.TotalMilliseconds;
    }

    /// <summary>Stores and evaluates one export request; returns what was accepted and rejected.</summary>
    public MappingResult Ingest(ExportMetricsServiceRequest request)
    {
        var now = _time.GetUtcNow();
        return Store(OtlpMapper.Map(request, now.ToUnixTimeMilliseconds()), now);
    }

    /// <summary>
    /// Stores and evaluates a protobuf export request from its bytes: the fast reader when it can, the message
    /// path otherwise (which also produces the error for a body that is not valid OTLP).
    /// </summary>
    /// <exception cref="OtlpDecodeException">The body is not a valid export request.</exception>
    public MappingResult IngestProtobuf(ReadOnlySpan<byte> body)
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var mapped = OtlpProtobufReader.TryMap(body, nowMs, out var fast)
            ? fast
            : OtlpMapper.Map(OtlpDecoder.Decode(body, OtlpEncoding.Protobuf), nowMs);
        return Store(mapped, now);
    }

    private MappingResult Store(MappingResult result, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var outgoing = new List<AlertNotification>();
        var toSend = new List<Alert>();
        var outOfOrder = 0;
        foreach (var (cluster, samples) in result.ByCluster)
        {
            var state = _store.GetOrAdd(cluster);
            (long, List<AlertRecord>)? snapshot;
            lock (state.Gate)
            {
                foreach (var sample in samples)
                {
                    if (!state.Apply(sample, nowMs, _staleAfterMs))
                    {
                        outOfOrder++;
                    }
                }

                snapshot = EvaluateLocked(state, now, toSend, outgoing, onArrival: true);
            }

            _persistence.Write(cluster, snapshot);
        }

        if (outOfOrder > 0)
        {
            result.Reject(RejectReason.OutOfOrder, outOfOrder);
        }

        _metrics.SamplesAccepted(result.Accepted - outOfOrder);
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            if (result.Rejected(reason) > 0)
            {
                _metrics.SamplesRejected(reason, result.Rejected(reason));
            }
        }

        if (outgoing.Count > 0)
        {
            _notifier.Enqueue(outgoing);
        }

        return result;
    }

    /// <summary>Evaluates a cluster (its lock held), queues what must be sent, and captures alert state to persist.</summary>
    private (long, List<AlertRecord>)? EvaluateLocked(ClusterState state, DateTimeOffset now, List<Alert> toSend, List<AlertNotification> outgoing, bool onArrival)
    {
        toSend.Clear();
        _engine.Evaluate(state, now, toSend, onArrival);
        foreach (var alert in toSend)
        {
            outgoing.Add(_notifications.Create(alert, now));
        }

        return AlertPersistence.Capture(state);
    }

    /// <summary>
    /// Timer work: evaluates only the clusters with a due deadline (pending <c>for</c>, silence, staleness,
    /// resend) and, once a minute, forgets long-silent series.
    /// </summary>
    public void Tick()
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var forget = nowMs - _lastForgetMs >= 60_000;
        var outgoing = new List<AlertNotification>();
        var toSend = new List<Alert>();
        foreach (var state in _store.Clusters)
        {
            if (!forget && !RuleEngine.IsDue(state, now))
            {
                continue;
            }

            (long, List<AlertRecord>)? snapshot;
            lock (state.Gate)
            {
                if (forget)
                {
                    state.Forget(nowMs, _forgetAfterMs);
                }

                snapshot = EvaluateLocked(state, now, toSend, outgoing, onArrival: false);
            }

            _persistence.Write(state.Name, snapshot);
        }

        if (forget)
        {
            _lastForgetMs = nowMs;
        }

        if (nowMs - _lastCheckpointMs >= _checkpointMs)
        {
            _persistence.CheckpointNodes();
            _lastCheckpointMs = nowMs;
        }

        if (outgoing.Count > 0)
        {
            _notifier.Enqueue(outgoing);
        }
    }
}
