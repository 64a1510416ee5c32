using System.Net.Http.Headers;
using System.Net.Http.Json;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using AzLocalMonitor.Telemetry.Otlp.Metrics;
using Google.Protobuf;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// A Rules of its own holding one report of two clusters, for the NOC view's counts (unmuted alerts page, muted ones
/// are "+N muted"). The policy fires at once (<c>for: 0s</c>) and nothing goes stale while a test looks:
/// <list type="bullet">
/// <item><c>noc-down</c>: n1, n2 up, n3 down (its peers say so); volumes vol-a, vol-b, vol-c degraded and the pool in
/// warning. Alerts: AzLocalNodeDown (n3), critical, unmuted; four AzLocalStorageDegraded (three volumes, the pool),
/// critical, inhibited by it as its expected consequences. An agent on host "vm" sends only its own uptime.</item>
/// <item><c>noc-quiet</c>: n1, n2, n3 up, storage healthy, one unhealthy disk on n2: AzLocalPhysicalDiskFailed, critical,
/// silenced. Nothing pages, so the tile is green with "+1 muted".</item>
/// <item><c>noc-window</c>: like noc-quiet, the unhealthy disk on n3, in maintenance window "firmware": the disk's
/// critical is muted by the window; AzLocalMaintenanceWindow (info) flows. Green, "1 info +1 muted".</item>
/// </list>
/// </summary>
public sealed class NocScenario : IAsyncDisposable
{
    public const string Down = "noc-down";
    public const string Quiet = "noc-quiet";
    public const string Window = "noc-window";

    private const string Policy = """
        alerts:
          - alert: AzLocalNodeDown
            for: 0s
          - alert: AzLocalStorageDegraded
            for: 0s
          - alert: AzLocalPhysicalDiskFailed
            for: 0s
        """;

    private NocScenario(RunningRules rules) => Rules = rules;

    public RunningRules Rules { get; }

    public Uri BaseAddress => Rules.BaseAddress;

    public static async Task<NocScenario> StartAsync()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory("azlm-noc-").FullName, "noc.yaml");
        await File.WriteAllTextAsync(policy, Policy);
        var rules = await RunningRules.StartAsync(
            "--Policy:Files:0", policy, "--Policy:Watch", "false", "--Series:StaleAfter", "01:00:00", "--Alerting:NodeSilenceAfter", "01:00:00");
        var scenario = new NocScenario(rules);
        await scenario.SilenceAsync("alertname=\"AzLocalPhysicalDiskFailed\"", $"cluster=\"{Quiet}\"");
        await scenario.MaintenanceAsync(new { name = "firmware", cluster = Window, start = DateTimeOffset.UtcNow.AddMinutes(-1), end = DateTimeOffset.UtcNow.AddHours(2), reason = "firmware update" });
        var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var request in Reports(t))
        {
            await scenario.PostAsync(request);
        }

        return scenario;
    }

    private static IEnumerable<ExportMetricsServiceRequest> Reports(long t)
    {
        yield return Members(new Otlp(Down, "n1"), t, ("n1", "up"), ("n2", "up"), ("n3", "down"))
            .Gauge(Instruments.StorageVolumeOperational, string.Empty, States(t, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "vol-a")))
            .Gauge(Instruments.StorageVolumeOperational, string.Empty, States(t, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "vol-b")))
            .Gauge(Instruments.StorageVolumeOperational, string.Empty, States(t, MetricCatalog.States.VolumeOperational, "degraded", ("volume", "vol-c")))
            .Gauge(Instruments.StoragePoolHealth, string.Empty, States(t, MetricCatalog.States.Health, "warning", ("pool", "pool-1")))
            .Build();
        yield return Cpu(new Otlp(Down, "n2"), t).Build();
        yield return new Otlp(Down, "vm").Gauge("azlm.agent.uptime", "s", Otlp.Point(4321, t)).Build();

        yield return Members(new Otlp(Quiet, "n1"), t, ("n1", "up"), ("n2", "up"), ("n3", "up"))
            .Gauge(Instruments.StorageVolumeOperational, string.Empty, States(t, MetricCatalog.States.VolumeOperational, "ok", ("volume", "vol-q")))
            .Gauge(Instruments.StoragePoolHealth, string.Empty, States(t, MetricCatalog.States.Health, "healthy", ("pool", "pool-q")))
            .Build();
        yield return Cpu(new Otlp(Quiet, "n2"), t)
            .Gauge(Instruments.StorageDiskCount, string.Empty, States(t, MetricCatalog.States.DiskState, "unhealthy", ("media", "ssd"), ("usage", "capacity")))
            .Build();
        yield return Cpu(new Otlp(Quiet, "n3"), t).Build();

        yield return Members(new Otlp(Window, "n1"), t, ("n1", "up"), ("n2", "up"), ("n3", "up"))
            .Gauge(Instruments.StorageVolumeOperational, string.Empty, States(t, MetricCatalog.States.VolumeOperational, "ok", ("volume", "vol-w")))
            .Gauge(Instruments.StoragePoolHealth, string.Empty, States(t, MetricCatalog.States.Health, "healthy", ("pool", "pool-w")))
            .Build();
        yield return Cpu(new Otlp(Window, "n2"), t).Build();
        yield return Cpu(new Otlp(Window, "n3"), t)
            .Gauge(Instruments.StorageDiskCount, string.Empty, States(t, MetricCatalog.States.DiskState, "unhealthy", ("media", "ssd"), ("usage", "capacity")))
            .Build();
    }

    /// <summary>n1's report: its own CPU, the membership states it sees, and quorum held.</summary>
    private static Otlp Members(Otlp otlp, long t, params (string Node, string State)[] nodes)
    {
        Cpu(otlp, t);
        foreach (var (node, state) in nodes)
        {
            otlp.Gauge(Instruments.NodeState, string.Empty, States(t, MetricCatalog.States.Node, state, ("node", node)));
        }

        return otlp.Gauge(Instruments.ClusterQuorum, string.Empty, Otlp.Point(1, t));
    }

    /// <summary>A state set at <paramref name="t"/>: 1 for <paramref name="current"/>, 0 for the others.</summary>
    private static NumberDataPoint[] States(long t, IReadOnlyList<string> states, string current, params (string Key, string Value)[] attributes) =>
        [.. states.Select(s => Otlp.Point(s == current ? 1 : 0, t, [.. attributes, ("state", s)]))];

    private static Otlp Cpu(Otlp otlp, long t) => otlp.Gauge(Instruments.NodeCpuUtilization, "1", Otlp.Point(0.3, t));

    private Task SilenceAsync(params string[] matchers) =>
        ChangeAsync("/api/v1/silences", new { matchers, duration = "2h", comment = "NOC view test: disk swap booked" });

    private Task MaintenanceAsync(object window) => ChangeAsync("/api/v1/maintenance", window);

    private async Task ChangeAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        // Rules runs without credentials here (Auth:Mode=none): the change is made, and audited, as "anonymous".
        request.Headers.Add("X-AzLM-Actor", "noc-test");
        using var response = await Rules.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private async Task PostAsync(ExportMetricsServiceRequest request)
    {
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await Rules.Client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Rules.DisposeAsync();
}
