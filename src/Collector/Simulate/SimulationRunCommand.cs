using System.CommandLine;
using System.Globalization;
using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Simulated;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary><c>simulate run SCENARIO</c>: every cluster of the scenario (a fleet too), exported to Rules until stopped.</summary>
internal static class SimulationRunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "A preset name or a scenario file (or a shipped scenario's name, e.g. node-down)." };
        var rules = new Option<string?>("--rules") { Description = "Base URL of Rules. Default: $OTEL_EXPORTER_OTLP_ENDPOINT, else " + CollectorOptions.DefaultRulesUrl + ".", HelpName = "url" };
        var timeScale = new Option<double?>("--time-scale") { Description = "Scenario seconds per real second (e.g. 80000 plays 18 months in about 10 minutes). Default: the scenario's, else 1.", HelpName = "factor" };
        var interval = new Option<string?>("--interval", "-i") { Description = "Export interval, 100ms..1h. Default: 10s.", HelpName = "duration" };
        var agents = new Option<string?>("--agents") { Description = "cluster: one exporter per cluster reporting every node (default); node: one per node, as in production.", HelpName = "cluster|node" };
        var node = new Option<string?>("--node") { Description = "Run only this node's agent (one agent per process; give every process the same --epoch).", HelpName = "name" };
        var cluster = new Option<string?>("--cluster") { Description = "Run only this cluster of a fleet.", HelpName = "name" };
        var epoch = new Option<string?>("--epoch") { Description = "The instant scenario time 0 maps to (ISO 8601), shared by the agents of one cluster. Default: now.", HelpName = "time" };
        var command = new Command("run", "Run a scenario or preset against Rules until Ctrl-C.") { scenario, rules, timeScale, interval, agents, node, cluster, epoch };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            try
            {
                var plan = new SimulationPlan
                {
                    Scenario = SimulateCommand.Resolve(result.GetValue(scenario)!),
                    ScenarioName = result.GetValue(scenario)!,
                    RulesBaseUrl = RulesUrl(result.GetValue(rules)),
                    TimeScale = result.GetValue(timeScale),
                    Interval = Interval(result.GetValue(interval)),
                    PerNode = result.GetValue(agents) switch
                    {
                        null or "cluster" => false,
                        "node" => true,
                        var other => throw new OptionsException([$"--agents '{other}': expected cluster or node."]),
                    },
                    Node = result.GetValue(node),
                    Cluster = result.GetValue(cluster),
                    Epoch = result.GetValue(epoch) is { } text
                        ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : throw new OptionsException([$"--epoch '{text}' is not an ISO 8601 time."])
                        : null,
                };
                return await SimulationRunner.RunAsync(plan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (ScenarioException e)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (OptionsException e)
            {
                foreach (var problem in e.Problems)
                {
                    await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                }

                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Uri RulesUrl(string? given)
    {
        var text = given ?? Environment.GetEnvironmentVariable(ConfigurationKeys.OtlpEndpoint) ?? CollectorOptions.DefaultRulesUrl;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new OptionsException([$"--rules '{text}' is not an http:// or https:// URL."]);
    }

    private static TimeSpan Interval(string? text) =>
        text is null ? CollectorOptions.DefaultInterval
        : DurationParser.TryParse(text, out var interval) && interval >= TimeSpan.FromMilliseconds(100) && interval <= TimeSpan.FromHours(1) ? interval
        : throw new OptionsException([$"--interval '{text}' is not a duration from 100ms to 1h."]);
}
