using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Reads a scenario file. It walks the YAML node tree rather than deserializing into classes, so every error
/// names the file, line and column of the offending node, and unknown keys are errors rather than ignored.
/// </summary>
internal static class ScenarioParser
{
    private static readonly string[] TopKeys =
    [
        "cluster", "preset", "nodes", "witness", "volumes", "vms", "seed", "rebuild-rate", "repair-queue-depth", "retire-after",
        "time-scale", "growth", "events",
    ];

    private static readonly string[] TopologyKeys = ["cluster", "nodes", "witness", "volumes", "vms"];

    /// <summary>
    /// Loads a scenario. A path that does not exist as given is also looked up beside the program and in its
    /// scenarios folder, so <c>--scenario quorum-loss</c> finds the shipped file from any working directory.
    /// </summary>
    public static Scenario Load(string path)
    {
        var candidates = new[]
        {
            path,
            Path.Combine(AppContext.BaseDirectory, path),
            Path.Combine(AppContext.BaseDirectory, "scenarios", path),
            Path.Combine(AppContext.BaseDirectory, "scenarios", path + ".yaml"),
        };
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            throw new ScenarioException($"Scenario file not found: {path} (looked in {Path.GetFullPath(path)} and {Path.Combine(AppContext.BaseDirectory, "scenarios")}).");
        }

        string text;
        try
        {
            text = File.ReadAllText(found);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"Cannot read scenario file {found}: {e.Message}", e);
        }

        return Parse(text, found);
    }

    /// <param name="file">Named in error messages.</param>
    public static Scenario Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw ScenarioException.At(file, e.Start.Line, e.Start.Column, $"malformed YAML: {InnerMessage(e)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, not a YamlException, for some broken input: its scanner for an unclosed flow
            // mapping ("{ key" before the next line's key), its node loader for a merge key ("<<: *a") in a mapping
            // whose first key is empty. The last event it read says where.
            var at = parser.Current?.End ?? Mark.Empty;
            throw ScenarioException.At(file, at.Line, at.Column, $"malformed YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException($"{file}: the scenario is empty.");
        }

        var y = new YamlValues(file);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw y.Error(stream.Documents[0].RootNode, "a scenario is a mapping with keys " + string.Join(", ", TopKeys) + ".");
        }

        var keys = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlValues.Key(keyNode);
            if (!TopKeys.Contains(key))
            {
                throw y.Error(keyNode, $"unknown key '{key}' (expected one of {string.Join(", ", TopKeys)}).");
            }

            keys[key] = (keyNode, value);
        }

        YamlNode? Get(string key) => keys.TryGetValue(key, out var kv) ? kv.Value : null;

        var scenario = new Scenario();
        scenario = Get("seed") is { } seed ? scenario with { Seed = y.Int(seed, int.MinValue, int.MaxValue) } : scenario;
        scenario = Get("rebuild-rate") is { } rate ? scenario with { RebuildBytesPerSecond = y.Rate(rate, allowZero: true) } : scenario;
        scenario = Get("repair-queue-depth") is { } depth ? scenario with { RepairQueueDepth = y.Int(depth, 1, 16) } : scenario;
        scenario = Get("retire-after") is { } retire ? scenario with { RetireAfter = y.Duration(retire) } : scenario;
        scenario = Get("time-scale") is { } scale ? scenario with { TimeScale = y.PositiveDouble(scale) } : scenario;
        scenario = Get("cluster") is { } name ? scenario with { Cluster = y.Scalar(name) } : scenario;
        scenario = Get("nodes") is { } nodes ? scenario with { Nodes = y.Int(nodes, 1, Scenario.MaxNodes) } : scenario;
        scenario = Get("witness") is { } witness ? scenario with { Witness = Witness(y, witness) } : scenario;

        var topology = Topology(y, keys, scenario);
        scenario = scenario with { Topology = topology, Preset = Get("preset") is { } p ? y.Scalar(p) : null };
        scenario = Get("growth") is { } growth ? scenario with { Growth = ScenarioGrowthParser.Parse(y, growth, topology) } : scenario;

        var events = Get("events") is { } list
            ? y.Sequence(list, "'events'").Children.Select(e => ScenarioEventParser.Parse(y, e, topology)).SelectMany(ExpandReboot).ToList()
            : [];
        return scenario with { Events = [.. events.OrderBy(e => e.At)] };
    }

    /// <summary>A reboot is the node going down and coming back after its restart time (Seconds).</summary>
    private static IEnumerable<ScenarioEvent> ExpandReboot(ScenarioEvent e) =>
        e.Action != ScenarioAction.NodeReboot ? [e]
        : [e with { Action = ScenarioAction.NodeDown, Seconds = null }, e with { Action = ScenarioAction.NodeRebooted, At = e.At + TimeSpan.FromSeconds(e.Seconds!.Value), Seconds = null }];

    private static ClusterSpec[] Topology(YamlValues y, Dictionary<string, (YamlNode Key, YamlNode Value)> keys, Scenario scenario)
    {
        ClusterSpec[] clusters;
        if (keys.TryGetValue("preset", out var preset))
        {
            var name = y.Scalar(preset.Value);
            if (!PresetCatalog.TryGet(name, out var found))
            {
                throw y.Error(preset.Value, $"unknown preset '{name}' (expected one of {string.Join(", ", PresetCatalog.Names)}).");
            }

            clusters = [.. found.Clusters];
            if (found.IsFleet && TopologyKeys.FirstOrDefault(keys.ContainsKey) is { } key)
            {
                throw y.Error(keys[key].Key, $"'{key}' cannot change the fleet preset '{found.Name}' ({clusters.Length} clusters); use a single-cluster preset or none.");
            }

            clusters[0] = clusters[0] with
            {
                Name = scenario.Cluster ?? clusters[0].Name,
                Nodes = keys.ContainsKey("nodes") ? scenario.Nodes : clusters[0].Nodes,
                Witness = keys.ContainsKey("witness") ? scenario.Witness : clusters[0].Witness,
            };
            if (keys.ContainsKey("nodes") && !keys.ContainsKey("volumes"))
            {
                CheckVolumes(y, keys["nodes"].Value, clusters[0], $"preset '{found.Name}' with nodes: {scenario.Nodes}");
            }
        }
        else
        {
            clusters = [PresetCatalog.Generic(scenario.Cluster ?? SourceFactory.DefaultSimulatedCluster, scenario.Nodes, scenario.Witness)];
        }

        if (keys.TryGetValue("vms", out var vms))
        {
            clusters[0] = clusters[0] with { Vms = ScenarioTopologyParser.Vms(y, vms.Value, clusters[0].Vms) };
        }

        if (keys.TryGetValue("volumes", out var volumes))
        {
            clusters[0] = clusters[0] with { Volumes = ScenarioTopologyParser.Volumes(y, volumes.Value, clusters[0]) };
        }

        return clusters;
    }

    private static void CheckVolumes(YamlValues y, YamlNode at, ClusterSpec spec, string what)
    {
        foreach (var volume in spec.Volumes)
        {
            if (spec.Nodes < ResiliencyRules.MinNodes(volume.Resiliency))
            {
                throw y.Error(at, $"{what}: volume '{volume.Name}' is {ResiliencyRules.Name(volume.Resiliency)}, which needs at least "
                    + $"{ResiliencyRules.MinNodes(volume.Resiliency)} nodes; give 'volumes:' too.");
            }
        }
    }

    private static WitnessType Witness(YamlValues y, YamlNode value) => y.Scalar(value) switch
    {
        "none" => WitnessType.None,
        "cloud" => WitnessType.Cloud,
        "fileshare" => WitnessType.FileShare,
        var other => throw y.Error(value, $"witness '{other}': expected none, cloud or fileshare."),
    };

    // YamlDotNet prefixes its message with the position, which we already print in our own format.
    private static string InnerMessage(YamlException e)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && separator > 0 ? message[(separator + 3)..] : message;
    }
}
