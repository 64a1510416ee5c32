using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.RemoteWrite;
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
    private readonly RemoteWriteTap? _remoteWrite;
    private readonly ClusterScope _owned;
    private readonly string _shard;
    private readonly RawSeriesCache? _known;

    public IngestPipeline(SeriesStore store, RuleEngine engine, TimeProvider time, SelfMetrics metrics, IOptions<SeriesOptions> series, IOptions<IngestOptions>? ingest = null,
        IOptions<ShardOptions>? shard = null, RemoteWriteTap? remoteWrite = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        _store = store;
        _engine = engine;
        _time = time;
        _metrics = metrics;
        _staleAfterMs = (long)series.Value.StaleAfter.TotalMilliseconds;
        _options = ingest?.Value ?? new IngestOptions();
        _limits = IngestLimits.From(_options);
        _remoteWrite = remoteWrite;
        _owned = shard?.Value.Scope() ?? ClusterScope.All;
        _shard = shard?.Value.Name is { Length: > 0 } name ? $"shard '{name}'" : "this shard";
        OwnedClusters = _owned.ToString();
        _known = _options.RawSeriesCacheEntries > 0 ? new RawSeriesCache(_options.RawSeriesCacheEntries, time) : null;
    }

    /// <summary>The clusters this instance owns (<c>Shard:Clusters</c>), comma-separated; <c>*</c> when not sharded.</summary>
    public string OwnedClusters { get; }

    /// <summary>
    /// Stores and evaluates one export request; returns what was accepted and rejected. Points for clusters outside
    /// <paramref name="clusters"/> (the caller's token; every cluster when null) are rejected, never stored.
    /// </summary>
    /// <param name="replay">What the report's agent said about its backlog (<see cref="IngestOptions.ReplayAfter"/>, <see cref="ReplayMark"/>).</param>
    public MappingResult Ingest(ExportMetricsServiceRequest request, ClusterScope? clusters = null, ReplayMark replay = default)
    {
        var now = _time.GetUtcNow();
        return Store(OtlpMapper.Map(request, now.ToUnixTimeMilliseconds(), _limits), now, clusters ?? ClusterScope.All, replay);
    }


    /// <summary>
    /// Stores and evaluates a protobuf export request from its bytes: the fast reader when it can, the message
    /// path otherwise (which also produces the error for a body that is not valid OTLP).
    /// </summary>
    /// <exception cref="OtlpDecodeException">The body is not a valid export request.</exception>
    public MappingResult IngestProtobuf(ReadOnlySpan<byte> body, ClusterScope? clusters = null, ReplayMark replay = default)
    {
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var mapped = OtlpProtobufReader.TryMap(body, nowMs, _limits, _known, out var fast)
            ? fast
            : OtlpMapper.Map(OtlpDecoder.Decode(body, OtlpEncoding.Protobuf), nowMs, _limits);
        return Store(mapped, now, clusters ?? ClusterScope.All, replay);
    }

    private MappingResult Store(MappingResult result, DateTimeOffset now, ClusterScope clusters, ReplayMark replay)
    {
        if (RefuseMisdirected(result))
        {
            return result;
        }

        // Parent of the evaluate spans below (and child of ASP.NET Core's request span, when one is recorded).
        using var activity = Tracing.Source.StartActivity(Tracing.Ingest, System.Diagnostics.ActivityKind.Internal);
        if (activity is not null)
        {
            Tracing.TagClusters(activity, result.ByCluster.Keys);
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var outOfOrder = 0;
        var overLimit = 0;
        // The one remote-write tap of the hot path: every sample the series store accepted, encoded as it is
        // applied and committed to the write-ahead buffer before the request is acknowledged (RemoteWrite/).
        var remoteWrite = _remoteWrite?.Begin();
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
                    else
                    {
                        remoteWrite?.Add(cluster, sample);
                    }
                }
            }

            _engine.Evaluate(state, now, onArrival: true, replay);
        }

        remoteWrite?.Commit();

        if (outOfOrder > 0)
        {
            result.Reject(RejectReason.OutOfOrder, outOfOrder);
        }

        if (overLimit > 0)
        {
            result.Reject(RejectReason.SeriesLimit, overLimit);
            result.Unaccept(overLimit);
        }

        activity?.SetTag("azlm.points.accepted", result.Accepted - outOfOrder);
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

    /// <summary>
    /// A report naming a cluster this shard does not own is refused whole (an agent reports one cluster, so it is
    /// pointed at the wrong shard): nothing stored, every point counted as <c>not_this_shard</c>.
    /// </summary>
    private bool RefuseMisdirected(MappingResult result)
    {
        // Checked on every request: without LINQ until a foreign cluster is found.
        var anyForeign = false;
        foreach (var cluster in result.ByCluster.Keys)
        {
            anyForeign |= !_owned.Allows(cluster);
        }

        if (!anyForeign)
        {
            return false;
        }

        var foreign = result.ByCluster.Keys.Where(c => !_owned.Allows(c)).Order(StringComparer.Ordinal).ToList();
        var points = result.ByCluster.Values.Sum(s => s.Count);
        result.Reject(RejectReason.NotThisShard, points);
        result.Unaccept(points);
        result.Misdirected = $"{_shard} does not own cluster(s) {string.Join(", ", foreign.Select(c => $"'{c}'"))} "
            + $"(Shard:Clusters = {_owned}); send them to the shard that owns them. Nothing of this report was stored.";
        _metrics.SamplesRejected(RejectReason.NotThisShard, points);
        return true;
    }
}
