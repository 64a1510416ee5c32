using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>The ingest → series → rules → notify pipeline wired with a fake clock and a recording notifier.</summary>
public sealed class AlertingHarness
{
    public AlertingHarness(AlertingOptions? alerting = null, SeriesOptions? series = null, AlertPolicy? policy = null, IStateStore? state = null, FakeTimeProvider? time = null,
        Func<AlertBook, ICapacityOutlookSource>? capacity = null, IAlertNotifier? notifier = null, IngestOptions? ingest = null)
    {
        Time = time ?? new FakeTimeProvider(TestClock.Start);
        StateStore = state ?? new NullStateStore();
        var alertingOptions = Options.Create(alerting ?? new AlertingOptions());
        var seriesOptions = Options.Create(series ?? new SeriesOptions());
        Store = new SeriesStore(seriesOptions);
        Policy = new PolicyHolder(policy ?? DefaultPolicy.Load());
        Schedule.ReplaceAll("config:", Policy.Current.MaintenanceWindows);
        Schedule.Changed += Book.RequestEvaluation;
        Silences.Changed += cluster =>
        {
            foreach (var alerts in Book.Clusters.Where(a => cluster is null || a.Name == cluster))
            {
                alerts.EvaluateSoon = true;
            }
        };
        var factory = new NotificationFactory(alertingOptions, Options.Create(new AlertmanagerOptions()));
        Outbox = new AlertOutbox(StateStore, notifier is null ? Notifier : new TeeNotifier(Notifier, notifier), alertingOptions, NullLogger<AlertOutbox>.Instance, Time);
        Capacity = new CapacityOutlookStub();
        CapacitySource = capacity?.Invoke(Book) ?? Capacity;
        Engine = new RuleEngine(Policy, Schedule, Silences, CapacitySource, Book, Outbox, factory, alertingOptions, seriesOptions, Metrics);
        Persistence = new AlertPersistence(StateStore, Store, Book, alertingOptions, seriesOptions);
        Timer = new AlertTimer(Store, Engine, Persistence, Time, seriesOptions, Options.Create(new StateOptions()));
        Pipeline = new IngestPipeline(Store, Engine, Time, Metrics, seriesOptions, Options.Create(ingest ?? new IngestOptions()));
    }

    public AlertBook Book { get; } = new();

    public SilenceBook Silences { get; } = new();

    /// <summary>The write-behind outbox; the harness drains it after every step, so notifications are visible at once.</summary>
    public AlertOutbox Outbox { get; }

    public RuleEngine Engine { get; }

    public AlertTimer Timer { get; }

    /// <summary>Capacity forecasts the engine sees (set by tests), unless a real source was given.</summary>
    public CapacityOutlookStub Capacity { get; }

    /// <summary>Where the engine reads capacity forecasts from.</summary>
    public ICapacityOutlookSource CapacitySource { get; }

    public FakeTimeProvider Time { get; }

    public IStateStore StateStore { get; }

    public AlertPersistence Persistence { get; }

    public PolicyHolder Policy { get; }

    public MaintenanceSchedule Schedule { get; } = new();

    public SelfMetrics Metrics { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public SeriesStore Store { get; }

    public IngestPipeline Pipeline { get; }

    /// <summary>Ingests <paramref name="request"/> with every point stamped at the fake clock's now, as a live agent would.</summary>
    public MappingResult Ingest(ExportMetricsServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var nanos = (ulong)Time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000UL;
        foreach (var metric in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics))
        {
            var points = metric.Gauge?.DataPoints ?? metric.Sum?.DataPoints;
            foreach (var point in points ?? [])
            {
                point.TimeUnixNano = nanos;
            }
        }

        var result = Pipeline.Ingest(request);
        Outbox.Drain();
        return result;
    }

    /// <summary>Ingests <paramref name="request"/> with the timestamps it carries.</summary>
    public MappingResult IngestAsIs(ExportMetricsServiceRequest request)
    {
        var result = Pipeline.Ingest(request);
        Outbox.Drain();
        return result;
    }

    /// <summary>One timer tick at the current time (and the outbox drained).</summary>
    public void Tick()
    {
        Timer.Tick();
        Outbox.Drain();
    }

    /// <summary>Advances the clock in one-second ticks, running the timer work at each.</summary>
    public void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Tick();
        }
    }

    public IReadOnlyList<Alert> Alerts(string cluster = "c1")
    {
        var state = Book.Find(cluster);
        return state is null ? [] : [.. state.All];
    }

    public Alert? Alert(string name, string cluster = "c1") => Alerts(cluster).SingleOrDefault(a => a.Name == name);

    /// <summary>Feeds <paramref name="request"/> every <paramref name="every"/> for <paramref name="duration"/>, ticking each second.</summary>
    public void Feed(Func<ExportMetricsServiceRequest> request, TimeSpan duration, TimeSpan? every = null)
    {
        var step = every ?? TimeSpan.FromSeconds(10);
        var elapsed = TimeSpan.Zero;
        while (elapsed < duration)
        {
            Ingest(request());
            Run(step);
            elapsed += step;
        }
    }
}

/// <summary>Capacity forecasts set by a test, as the capacity job would publish them.</summary>
public sealed class CapacityOutlookStub : ICapacityOutlookSource
{
    public Dictionary<string, IReadOnlyList<CapacityOutlook>> ByCluster { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<CapacityOutlook> For(string cluster) => ByCluster.GetValueOrDefault(cluster) ?? [];
}

/// <summary>Hands every notification to two notifiers (the recorder and a test's own checker).</summary>
public sealed class TeeNotifier(IAlertNotifier first, IAlertNotifier second) : IAlertNotifier
{
    public void Enqueue(IReadOnlyList<AlertNotification> alerts)
    {
        first.Enqueue(alerts);
        second.Enqueue(alerts);
    }
}

/// <summary>Remembers every notification handed over.</summary>
public sealed class RecordingNotifier : IAlertNotifier
{
    public List<AlertNotification> Sent { get; } = [];

    public void Enqueue(IReadOnlyList<AlertNotification> alerts) => Sent.AddRange(alerts);

    public IEnumerable<AlertNotification> Named(string alertName) => Sent.Where(n => n.Labels["alertname"] == alertName);
}
