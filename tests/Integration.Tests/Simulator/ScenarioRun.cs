using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Simulator;

/// <summary>
/// A shipped simulator scenario run in-process (<c>simulate run NAME --time-scale X</c>) against the real Rules and a
/// real Alertmanager. Rules gets a policy file that shortens the <c>for</c> of the alerts the scenarios raise (Rules
/// evaluates in real time), leaving the utilisation alerts at their defaults so they cannot fire in a short run.
/// </summary>
public sealed class ScenarioRun : IAsyncDisposable
{
    private const string FastPolicy = """
        alerts:
          - { alert: AzLocalNodeDown, for: 3s }
          - { alert: AzLocalStorageDegraded, for: 4s }
          - { alert: AzLocalRebuildInProgress, for: 2s }
          - { alert: AzLocalPhysicalDiskFailed, for: 1s }
          - { alert: AzLocalQuorumAtRisk, for: 1s }
          - { alert: AzLocalReserveCapacityLow, for: 1s }
        """;

    private readonly AlertmanagerServer _alertmanager;
    private readonly RulesServer _rules;
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly HttpClient _http = new();
    private readonly string _cluster;
    private Task<int>? _collector;

    private ScenarioRun(AlertmanagerServer alertmanager, RulesServer rules, string cluster)
    {
        _alertmanager = alertmanager;
        _rules = rules;
        _cluster = cluster;
    }

    public RulesServer Rules => _rules;

    public HttpClient Http => _http;

    /// <summary>Starts Alertmanager and Rules, then the scenario.</summary>
    public static async Task<ScenarioRun> StartAsync(string scenario, string cluster, double timeScale)
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory("azlm-sim-policy-").FullName, "fast.yaml");
        await File.WriteAllTextAsync(policy, FastPolicy);
        var alertmanager = await AlertmanagerServer.StartAsync();
        var rules = await RulesServer.StartAsync(alertmanager.BaseAddress, "--Policy:Files:0", policy);
        var run = new ScenarioRun(alertmanager, rules, cluster);
        string[] args =
        [
            "simulate", "run", scenario, "--rules", rules.BaseAddress.ToString(), "--interval", "1s",
            "--time-scale", timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        run._collector = Task.Run(() => CollectorApp.RunAsync(args, run._output, run._output, run._stop.Token));
        return run;
    }

    /// <summary>Waits until Rules' firing alerts of the cluster are exactly <paramref name="expected"/>, and returns them.</summary>
    public async Task<IReadOnlySet<FiringAlert>> WaitForRulesAsync(IEnumerable<FiringAlert> expected, TimeSpan timeout)
    {
        var want = expected.ToHashSet();
        IReadOnlySet<FiringAlert> last = new HashSet<FiringAlert>();
        try
        {
            return await Poll.UntilAsync(
                async () =>
                {
                    last = await RulesFiringAsync();
                    return last.SetEquals(want) ? last : null;
                },
                timeout, $"Rules to fire exactly [{Describe(want)}]", interval: TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nlast seen: [{Describe(last)}]\n{_output}", e);
        }
    }

    /// <summary>Waits until Alertmanager's active alerts of the cluster are exactly <paramref name="expected"/> (names and severities).</summary>
    public async Task WaitForAlertmanagerAsync(IEnumerable<FiringAlert> expected, TimeSpan timeout)
    {
        var want = expected.ToHashSet();
        IReadOnlySet<FiringAlert> last = new HashSet<FiringAlert>();
        try
        {
            await Poll.UntilAsync(
                async () =>
                {
                    last = (await _alertmanager.GetAlertsAsync(_http))
                        .Where(a => Label(a, "cluster") == _cluster)
                        .Select(a => new FiringAlert(Label(a, "alertname")!, Label(a, "severity")!))
                        .ToHashSet();
                    return last.SetEquals(want) ? last : null;
                },
                timeout, $"Alertmanager to hold exactly [{Describe(want)}]", interval: TimeSpan.FromMilliseconds(250));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nlast seen: [{Describe(last)}]\n{_alertmanager.Output}", e);
        }
    }

    /// <summary>The cluster's firing alerts at Rules' GET /api/v1/alerts (pending ones excluded).</summary>
    public async Task<IReadOnlySet<FiringAlert>> RulesFiringAsync()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(new Uri(_rules.BaseAddress, "/api/v1/alerts")));
        return doc.RootElement.GetProperty("alerts").EnumerateArray()
            .Where(a => a.GetProperty("state").GetString() == "firing" && Label(a, "cluster") == _cluster)
            .Select(a => new FiringAlert(
                a.GetProperty("name").GetString()!,
                a.GetProperty("severity").GetString()!,
                a.TryGetProperty("mutedBy", out var muted) && muted.ValueKind == JsonValueKind.String))
            .ToHashSet();
    }

    /// <summary>Rules' Prometheus exposition lines of this cluster that contain <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<string>> MetricLinesAsync(string text)
    {
        var body = await _http.GetStringAsync(new Uri(_rules.BaseAddress, "/metrics"));
        return [.. body.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal) && l.Contains($"cluster=\"{_cluster}\"", StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_collector is not null)
        {
            var code = await _collector.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(code == 0, $"simulate run exited {code}:\n{_output}");
        }

        await _rules.DisposeAsync();
        await _alertmanager.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
    }

    private static string Describe(IEnumerable<FiringAlert> alerts) => string.Join(", ", alerts.Select(a => a.ToString()).Order(StringComparer.Ordinal));

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;
}
