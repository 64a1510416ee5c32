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
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();
    private readonly SeriesStore _store;
    private readonly RuleEngine _engine;
    private readonly TimeProvider _time;
    private readonly SelfMetrics _metrics;
    private readonly long _staleAfterMs;
    private readonly IngestOptions _options;
    private readonly IngestLimits _limits;

    public IngestPipeline(SeriesStore store, RuleEngine engine, TimeProvider time, SelfMetrics metrics, IOptions<SeriesOptions> series, IOptions<IngestOptions>? ingest = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        _store = store;
        _engine = engine;
        _time = time;
        _metrics = metrics;
        _staleAfterMs = (long)series.Value.StaleAfter.TotalMilliseconds;
        _options = ingest?.Value ?? new IngestOptions();
        _limits = IngestLimits.From(_options);
    }

    /// <summary>
    /// Stores and evaluates one export request; returns what was accepted and rejected. Points for clusters outside
    /// <paramref name="clusters"/> (the caller's token; every cluster when null) are rejected, never stored.
    /// </summary>
    public MappingResult Ingest(ExportMetricsServiceRequest request, ClusterScope? clusters = null)
    {
        var now = _time.GetUtcNow();
        return Store(OtlpMapper.Map(request, now.ToUnixTimeMilliseconds(), _limits), now, clusters ?? ClusterScope.All);
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
        var mapped = OtlpProtobufReader.TryMap(body, nowMs, _limits, out var fast)
            ? fast
            : OtlpMapper.Map(OtlpDecoder.Decode(body, OtlpEncoding.Protobuf), nowMs, _limits);
        return Store(mapped, now, clusters ?? ClusterScope.All);
    }

    private MappingResult Store(MappingResult result, DateTimeOffset now, ClusterScope clusters)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var outOfOrder = 0;
        var overLimit = 0;
        foreach (var (cluster, samples) in result.ByCluster)
        {
            if (!clusters.Allows(cluster))
            {
                result.Reject(RejectReason.ClusterNotAllowed, samples.Count);
                result.Unaccept(samples.Count);
                continue;
            }

            // Counting clusters takes every lock of the store's map: only when this one is new. Concurrent requests
            // may each add one past the limit, at most one per request in flight.
            if (_store.Find(cluster) is null && _store.ClusterCount >= _options.MaxClusters)
            {
                result.Reject(RejectReason.ClusterLimit, samples.Count);
                result.Unaccept(samples.Count);
                continue;
            }

            var state = _store.GetOrAdd(cluster);
            lock (state.Gate)
            {
                foreach (var sample in samples)
                {
                    if (AtSeriesLimit(state) && !state.Holds(sample))
                    {
                        overLimit++;
                    }
                    else if (!state.Apply(sample, nowMs, _staleAfterMs))
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

        if (overLimit > 0)
        {
            result.Reject(RejectReason.SeriesLimit, overLimit);
            result.Unaccept(overLimit);
        }

        _metrics.SamplesAccepted(result.Accepted - outOfOrder);
        if (result.RejectedTotal == 0)
        {
            return result;
        }

        foreach (var reason in Reasons)
        {
            if (result.Rejected(reason) > 0)
            {
                _metrics.SamplesRejected(reason, result.Rejected(reason));
            }
        }

        return result;
    }

    /// <summary>True when a new series in <paramref name="state"/> would pass the per-cluster or the total limit.</summary>
    private bool AtSeriesLimit(ClusterState state) =>
        state.SeriesCount >= _options.MaxSeriesPerCluster || _store.SeriesCount >= _options.MaxSeries;
}
