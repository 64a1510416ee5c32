using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.State;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>The ingest → series → rules → notify pipeline wired with a fake clock and a recording notifier.</summary>
public sealed class AlertingHarness
{
    public AlertingHarness(AlertingOptions? alerting = null, SeriesOptions? series = null, AlertPolicy? policy = null, IStateStore? state = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider();
        StateStore = state ?? new NullStateStore();
        var alertingOptions = Options.Create(alerting ?? new AlertingOptions());
        var seriesOptions = Options.Create(series ?? new SeriesOptions());
        Store = new SeriesStore(seriesOptions);
        Policy = new PolicyHolder(policy ?? DefaultPolicy.Load());
        Schedule.ReplaceAll("config:", Policy.Current.MaintenanceWindows);
        var engine = new RuleEngine(Policy, Schedule, alertingOptions, seriesOptions, Metrics);
        var factory = new NotificationFactory(alertingOptions, Options.Create(new AlertmanagerOptions()));
        Persistence = new AlertPersistence(StateStore, Store, alertingOptions, seriesOptions);
        Pipeline = new IngestPipeline(Store, engine, Notifier, factory, Time, Metrics, seriesOptions, Persistence, Options.Create(new StateOptions()));
    }

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

        return Pipeline.Ingest(request);
    }

    /// <summary>Ingests <paramref name="request"/> with the timestamps it carries.</summary>
    public MappingResult IngestAsIs(ExportMetricsServiceRequest request) => Pipeline.Ingest(request);

    /// <summary>Advances the clock in one-second ticks, running the timer work at each.</summary>
    public void Run(TimeSpan duration)
    {
        for (var t = TimeSpan.Zero; t < duration; t += TimeSpan.FromSeconds(1))
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Pipeline.Tick();
        }
    }

    public IReadOnlyList<Alert> Alerts(string cluster = "c1")
    {
        var state = Store.Find(cluster);
        return state is null ? [] : [.. state.Alerts.Values.SelectMany(a => a.Values)];
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

/// <summary>Remembers every notification handed over.</summary>
public sealed class RecordingNotifier : IAlertNotifier
{
    public List<AlertNotification> Sent { get; } = [];

    public void Enqueue(IReadOnlyList<AlertNotification> alerts) => Sent.AddRange(alerts);

    public IEnumerable<AlertNotification> Named(string alertName) => Sent.Where(n => n.Labels["alertname"] == alertName);
}
