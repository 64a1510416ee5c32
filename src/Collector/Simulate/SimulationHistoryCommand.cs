using System.CommandLine;
using System.Globalization;
using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Simulated;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary><c>simulate history SCENARIO --output FILE</c>: the capacity history the scenario's cluster grew through before it starts (Rules' backfill CSV).</summary>
internal static class SimulationHistoryCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "A preset name or a scenario file (its growth: key sets the curve)." };
        var output = new Option<string>("--output", "-o") { Description = "CSV to write (cluster,series,timestamp,value), for Rules' --History:BackfillCsv.", HelpName = "file", Required = true };
        var span = new Option<string?>("--span") { Description = "History length before the scenario starts. Default: 548d (18 months).", HelpName = "duration" };
        var step = new Option<string?>("--step") { Description = "Time between points. Default: 2h.", HelpName = "duration" };
        var end = new Option<string?>("--end") { Description = "The instant scenario time 0 maps to, where the history ends (ISO 8601). Default: now.", HelpName = "time" };
        var cluster = new Option<string?>("--cluster") { Description = "Which cluster of a fleet. Default: the first.", HelpName = "name" };
        var command = new Command("history", "Write the capacity history (storage, memory, CPU, VMs) the scenario's growth curve gives for the months before scenario time 0, as Rules' backfill CSV.")
        {
            scenario, output, span, step, end, cluster,
        };
        command.SetAction(result =>
        {
            try
            {
                var resolved = SimulateCommand.Resolve(result.GetValue(scenario)!);
                var index = result.GetValue(cluster) is { } name
                    ? resolved.Clusters.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == name, (null!, -1)).Item2
                    : 0;
                if (index < 0)
                {
                    throw new OptionsException([$"--cluster '{result.GetValue(cluster)}': the scenario has {string.Join(", ", resolved.Clusters.Select(c => c.Name))}."]);
                }

                var at = result.GetValue(end) is { } text
                    ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : throw new OptionsException([$"--end '{text}' is not an ISO 8601 time."])
                    : TimeProvider.System.GetUtcNow();
                var path = result.GetValue(output)!;
                using var writer = new StreamWriter(path);
                var rows = SimulatedHistory.Write(writer, resolved, index, at, Duration("--span", result.GetValue(span), TimeSpan.FromDays(548)), Duration("--step", result.GetValue(step), TimeSpan.FromHours(2)));
                result.InvocationConfiguration.Output.WriteLine($"{rows} rows written to {path}");
                return ExitCodes.Success;
            }
            catch (ScenarioException e)
            {
                result.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (OptionsException e)
            {
                foreach (var problem in e.Problems)
                {
                    result.InvocationConfiguration.Error.WriteLine($"error: {problem}");
                }

                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static TimeSpan Duration(string name, string? text, TimeSpan fallback) =>
        text is null ? fallback
        : DurationParser.TryParse(text, out var value) && value >= TimeSpan.FromMinutes(1) ? value
        : throw new OptionsException([$"{name} '{text}' is not a duration of at least 1m (e.g. 548d, 2h)."]);
}
