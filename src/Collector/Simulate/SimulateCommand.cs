using System.CommandLine;
using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Simulate;

/// <summary>
/// <c>simulate presets | describe NAME | validate FILE... | run SCENARIO</c>: the simulator's own commands, under the
/// collector's root command.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var simulate = new Command("simulate", "Simulated Azure Local clusters: list and describe presets, validate scenario files, run a scenario (or a fleet) against Rules, write the history its growth gives.");
        simulate.Subcommands.Add(Presets());
        simulate.Subcommands.Add(Describe());
        simulate.Subcommands.Add(Validate());
        simulate.Subcommands.Add(SimulationRunCommand.Create());
        simulate.Subcommands.Add(SimulationHistoryCommand.Create());
        return simulate;
    }

    /// <summary>A preset name gives the preset with no events; anything else is a scenario file (or a shipped scenario's name).</summary>
    /// <exception cref="ScenarioException">Neither a preset nor a readable, valid scenario.</exception>
    public static Scenario Resolve(string nameOrFile)
    {
        if (PresetCatalog.TryGet(nameOrFile, out var preset) && !File.Exists(nameOrFile))
        {
            return new Scenario { Preset = preset.Name, Topology = preset.Clusters };
        }

        return ScenarioParser.Load(nameOrFile);
    }

    private static Command Presets()
    {
        var command = new Command("presets", "List the presets: the module's deployment patterns and customer scenarios.");
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            foreach (var preset in PresetCatalog.Presets)
            {
                output.WriteLine($"{preset.Name,-18} {preset.Summary}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Describe()
    {
        var name = new Argument<string>("name") { Description = "A preset (see 'simulate presets') or a scenario file." };
        var command = new Command("describe", "Topology, raw and usable capacity, storage layout, storage and quorum fault tolerance.") { name };
        command.SetAction(result =>
        {
            try
            {
                var scenario = Resolve(result.GetValue(name)!);
                var preset = PresetCatalog.TryGet(scenario.Preset ?? string.Empty, out var p) && scenario.Topology == p.Clusters
                    ? p
                    : new Preset(result.GetValue(name)!, $"scenario ({scenario.Preset ?? "generic"} topology, {scenario.Events.Count} events)", scenario.Clusters, []);
                result.InvocationConfiguration.Output.Write(PresetDescriber.Describe(preset));
                return ExitCodes.Success;
            }
            catch (ScenarioException e)
            {
                result.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command Validate()
    {
        var files = new Argument<string[]>("file") { Description = "Scenario files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files; errors name the file, line and column and what is wrong.") { files };
        command.SetAction(result =>
        {
            var code = ExitCodes.Success;
            foreach (var file in result.GetValue(files)!)
            {
                try
                {
                    var scenario = ScenarioParser.Load(file);
                    var clusters = scenario.Clusters;
                    result.InvocationConfiguration.Output.WriteLine(
                        $"{file}: ok ({(scenario.Preset is { } p ? $"preset {p}, " : string.Empty)}{clusters.Count} cluster(s), "
                        + $"{clusters.Sum(c => c.Nodes)} nodes, {scenario.Events.Count} events)");
                    foreach (var spec in clusters.Where(c => !CapacityReport.Of(c).FootprintFits && c.Volumes.Any(v => !v.Thin)))
                    {
                        result.InvocationConfiguration.Output.WriteLine(
                            $"{file}: note: {spec.Name}'s volumes use the rebuild reserve: a failed drive cannot be rebuilt until it is replaced.");
                    }
                }
                catch (ScenarioException e)
                {
                    result.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                    code = ExitCodes.Usage;
                }
            }

            return code;
        });
        return command;
    }
}
