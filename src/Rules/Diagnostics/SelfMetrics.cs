using System.Diagnostics.Metrics;

namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>
/// Rules' own telemetry as <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>),
/// exported the standard way: the OpenTelemetry Prometheus exporter appends them to <c>GET /metrics</c>, and the
/// OTLP exporter sends them when <c>Otel:Endpoint</c> is set (<see cref="Telemetry"/>). The instrument names are
/// the <c>azlm_*</c> contract as Prometheus sees them: counters already end in <c>_total</c> and the histogram in its
/// unit, so the exporter adds no suffix.
/// </summary>
public sealed class SelfMetrics : IDisposable
{
    public const string MeterName = "AzLocalMonitor.Rules";

    // Seconds; one cluster's evaluation takes microseconds to a few milliseconds, so the SDK's default
    // (millisecond-sized) boundaries would put everything in the first bucket.
    private static readonly double[] EvaluationBuckets = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _samples;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _evaluation;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dropped;
    private int _placeholderReceivers;

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

    /// <summary>Instruments on a meter of <paramref name="meters"/> (the app's), or on a meter of its own (tests, benchmarks).</summary>
    public SelfMetrics(IMeterFactory? meters = null)
    {
        _ownsMeter = meters is null;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _requests = _meter.CreateCounter<long>("azlm_ingest_requests_total", null, "OTLP export requests received, by encoding and outcome.");
        _samples = _meter.CreateCounter<long>("azlm_ingest_samples_total", null, "Data points stored.");
        _rejected = _meter.CreateCounter<long>("azlm_ingest_samples_rejected_total", null, "Data points not stored, by reason.");
        _evaluation = _meter.CreateHistogram("azlm_rule_evaluation_seconds", "s", "Time spent evaluating every rule for one cluster.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = EvaluationBuckets });
        _sent = _meter.CreateCounter<long>("azlm_notifications_sent_total", null, "Alerts delivered to Alertmanager.");
        _failed = _meter.CreateCounter<long>("azlm_notifications_failed_total", null, "Alerts whose delivery failed after every retry.");
        _dropped = _meter.CreateCounter<long>("azlm_notifications_dropped_total", null,
            "Alerts dropped because the delivery queue was full, by severity (critical: the queue held only criticals).");

        _meter.CreateObservableGauge("azlm_alertmanager_placeholder_receivers", () => Volatile.Read(ref _placeholderReceivers), null,
            "Receivers of the Alertmanager Rules sends to that still post to the shipped placeholder (replace-me.invalid): nobody is paged through them.");

        // Every labelled series exists from the start at 0, as before: a rate() or an alert on it needs no first event.
        foreach (var encoding in new OtlpEncoding?[] { OtlpEncoding.Protobuf, OtlpEncoding.Json })
        {
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                _requests.Add(0, RequestTags(encoding, outcome));
            }
        }

        _samples.Add(0);
        foreach (var reason in Enum.GetValues<RejectReason>())
        {
            _rejected.Add(0, ReasonTag(reason));
        }

        _sent.Add(0);
        _failed.Add(0);
        _dropped.Add(0, new KeyValuePair<string, object?>("severity", "critical"));
        _dropped.Add(0, new KeyValuePair<string, object?>("severity", "other"));
    }

    /// <summary>The meter the instruments live on (gauges over app state are added by <c>RulesTelemetry.ObserveGauges</c>).</summary>
    public Meter Meter => _meter;

    public void IngestRequest(OtlpEncoding? encoding, Outcome outcome) => _requests.Add(1, RequestTags(encoding, outcome));

    public void SamplesAccepted(int count) => _samples.Add(count);

    public void SamplesRejected(RejectReason reason, int count) => _rejected.Add(count, ReasonTag(reason));

    public void RecordEvaluation(TimeSpan elapsed) => _evaluation.Record(elapsed.TotalSeconds);

    public void NotificationsSent(int count) => _sent.Add(count);

    public void NotificationsFailed(int count) => _failed.Add(count);

    /// <summary>An alert left the full delivery queue unsent (critical only when the queue held nothing else).</summary>
    public void NotificationDropped(bool critical) => _dropped.Add(1, new KeyValuePair<string, object?>("severity", critical ? "critical" : "other"));

    /// <summary>How many placeholder receivers the Alertmanager's configuration holds (Notify/AlertmanagerConfigCheck).</summary>
    public void AlertmanagerPlaceholderReceivers(int count) => Volatile.Write(ref _placeholderReceivers, count);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static readonly int OutcomeCount = Enum.GetValues<Outcome>().Length;

    // Tag sets built once: IngestRequest and SamplesRejected run on every ingest request, which should not build
    // label strings (snake_case of the enum names) or arrays each time.
    private static readonly KeyValuePair<string, object?>[][] RequestTagSets =
    [
        .. new[] { "protobuf", "json" }.SelectMany(encoding => Enum.GetValues<Outcome>().Select(outcome =>
            new KeyValuePair<string, object?>[] { new("encoding", encoding), new("outcome", SnakeCase(outcome.ToString())) })),
    ];

    private static readonly KeyValuePair<string, object?>[] ReasonTags =
        [.. Enum.GetValues<RejectReason>().Select(reason => new KeyValuePair<string, object?>("reason", SnakeCase(reason.ToString())))];

    private static KeyValuePair<string, object?>[] RequestTags(OtlpEncoding? encoding, Outcome outcome) =>
        RequestTagSets[((encoding == OtlpEncoding.Json ? 1 : 0) * OutcomeCount) + (int)outcome];

    private static KeyValuePair<string, object?> ReasonTag(RejectReason reason) => ReasonTags[(int)reason];

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
