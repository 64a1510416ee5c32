using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// Ingest → Series → Alerting: each cluster touched by a request has its samples stored under its own gate, then is
/// evaluated by the rule engine (which mutes and hands what changed to the outbox → notifiers).
/// </summary>
public sealed class IngestPipeline
{
    private readonly SeriesStore _store;
    private readonly RuleEngine _engine;
    private readonly TimeProvider _time;
    private readonly SelfMetrics _metrics;
    private readonly long _staleAfterMs;

    public IngestPipeline(SeriesStore store, RuleEngine engine, TimeProvider time, SelfMetrics metrics, IOptions<SeriesOptions> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _store = store;
        _engine = engine;
        _time = time;
        _metrics = metrics;
        _staleAfterMs = (long)series.Value.StaleAfter.TotalMilliseconds;
    }

    /// <summary>
    /// Stores and evaluates one export request; returns what was accepted and rejected. Points for clusters outside
    /// <paramref name="clusters"/> (the caller's token; every cluster when null) are rejected, never stored.
    /// </summary>
    public MappingResult Ingest(ExportMetricsServiceRequest request, ClusterScope? clusters = null)
    {
        var now = _time.GetUtcNow();
        return Store(OtlpMapper.Map(request, now.ToUnixTimeMilliseconds()), now, clusters ?? ClusterScope.All);
    }

    /// <summary>
    /// Stores and evaluates a protobuf export request from its bytes: the fast reader when it can, the message
    /// path otherwise (which also produces the error for a body that is not valid OTLP).
    /// </summary>
    /// <exception cref="OtlpDecodeException">The body is not a valid export request.</exception>
    public MappingResult IngestProtobuf(ReadOnlySpan<byte> body, ClusterScope? clusters = null)
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var mapped = OtlpProtobufReader.TryMap(body, nowMs, out var fast)
            ? fast
            : OtlpMapper.Map(OtlpDecoder.Decode(body, OtlpEncoding.Protobuf), nowMs);
        return Store(mapped, now, clusters ?? ClusterScope.All);
    }

    private MappingResult Store(MappingResult result, DateTimeOffset now, ClusterScope clusters)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var outOfOrder = 0;
        foreach (var (cluster, samples) in result.ByCluster)
        {
            if (!clusters.Allows(cluster))
            {
                result.Reject(RejectReason.ClusterNotAllowed, samples.Count);
                result.Unaccept(samples.Count);
                continue;
            }

            var state = _store.GetOrAdd(cluster);
            lock (state.Gate)
            {
                foreach (var sample in samples)
                {
                    if (!state.Apply(sample, nowMs, _staleAfterMs))
                    {
                        outOfOrder++;
                    }
                }
            }

            _engine.Evaluate(state, now, onArrival: true);
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

        return result;
    }
}
