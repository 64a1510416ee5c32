using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Simulated;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary>
/// Runs a <see cref="SimulationPlan"/>: one <see cref="ExportSession"/> per cluster (reporting every node) or per node
/// (reporting as that node), all sharing one epoch so the agents of a cluster compute the same state.
/// </summary>
internal static class SimulationRunner
{
    /// <summary>The host.name of an exporter that reports every node of its cluster.</summary>
    public const string AllNodesReporter = "simulator";

    /// <exception cref="ScenarioException">The plan names a cluster or node the scenario does not have.</exception>
    public static async Task<int> RunAsync(SimulationPlan plan, TimeProvider time, CancellationToken cancellationToken, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scenario = plan.Scenario;
        var clusters = scenario.Clusters.Select((spec, index) => (spec, index)).Where(c => plan.Cluster is null || c.spec.Name == plan.Cluster).ToList();
        if (clusters.Count == 0)
        {
            throw new ScenarioException($"{plan.ScenarioName} has no cluster '{plan.Cluster}' (it has {string.Join(", ", scenario.Clusters.Select(c => c.Name))}).");
        }

        var epoch = plan.Epoch ?? time.GetUtcNow();
        var timeScale = plan.TimeScale ?? scenario.TimeScale ?? 1;
        using var ownLoggers = loggers is null ? ConsoleLog.Create(logging: null, timestampFormat: null) : null;
        var logging = loggers ?? ownLoggers!;
        var sessions = new List<ExportSession>();
        // Simulated telemetry is not worth replaying after a restart: each run spools to a fresh folder, removed at the end.
        var spoolRoot = Directory.CreateTempSubdirectory("azlm-sim-spool-").FullName;
        // Rules requires a token unless it runs with Auth:Mode=none: the same environment variable as the agent's.
        List<KeyValuePair<string, string>> headers = Environment.GetEnvironmentVariable("Collector__Token") is { Length: > 0 } token
            ? [new("Authorization", "Bearer " + token.Trim())]
            : [];
        try
        {
            foreach (var (spec, index) in clusters)
            {
                IEnumerable<string?> reporters = plan.Node is { } only ? [Node(spec.NodeNames, only, plan)] : plan.PerNode ? spec.NodeNames.Cast<string?>() : [(string?)null];
                foreach (var reporter in reporters)
                {
                    var source = new SimulatedSource(scenario, timeScale, time, plan.ScenarioName, index, reporter, epoch);
                    var options = new CollectorOptions
                    {
                        Source = SourceKind.Simulated,
                        RulesBaseUrl = plan.RulesBaseUrl,
                        Destinations = [new OtlpDestination("rules", new Uri(plan.RulesBaseUrl.AbsoluteUri.TrimEnd('/') + "/v1/metrics"), headers)],
                        SpoolPath = Path.Combine(spoolRoot, $"{spec.Name}-{reporter ?? "all"}"),
                        Node = reporter ?? AllNodesReporter,
                        Interval = plan.Interval,
                        Cluster = spec.Name,
                    };
                    sessions.Add(new ExportSession(options, new SourceSetup(source, spec.Name), logging, time));
                }
            }

            var runs = sessions.Select(s => s.RunAsync(cancellationToken)).ToList();
            var codes = await Task.WhenAll(runs).ConfigureAwait(false);
            return codes.Max();
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            try
            {
                Directory.Delete(spoolRoot, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temporary folder
            }
        }
    }

    private static string Node(IReadOnlyList<string> names, string node, SimulationPlan plan) =>
        names.Contains(node) ? node : throw new ScenarioException($"{plan.ScenarioName}: no node '{node}' (it has {string.Join(", ", names)}).");
}
