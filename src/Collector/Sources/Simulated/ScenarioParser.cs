using System.Globalization;
using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Readings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// Reads a scenario file. It walks the YAML node tree rather than deserializing into classes, so every error
/// names the file, line and column of the offending node, and unknown keys are errors rather than ignored.
/// </summary>
internal static class ScenarioParser
{
    private static readonly string[] TopKeys = ["cluster", "nodes", "witness", "seed", "rebuild-rate", "time-scale", "events"];
    private static readonly string[] ActionKeys = ["node-down", "node-up", "node-pause", "node-resume", "witness"];

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

        path = found;

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"Cannot read scenario file {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <param name="file">Named in error messages.</param>
    public static Scenario Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ScenarioException.At(file, e.Start.Line, e.Start.Column, $"malformed YAML: {InnerMessage(e)}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException($"{file}: the scenario is empty.");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(file, stream.Documents[0].RootNode, "a scenario is a mapping with keys " + string.Join(", ", TopKeys) + ".");
        }

        var scenario = new Scenario();
        YamlSequenceNode? events = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? string.Empty;
            scenario = key switch
            {
                "cluster" => scenario with { Cluster = Scalar(file, value) },
                "nodes" => scenario with { Nodes = Int(file, value, 1, Scenario.MaxNodes) },
                "witness" => scenario with { Witness = Witness(file, value) },
                "seed" => scenario with { Seed = Int(file, value, int.MinValue, int.MaxValue) },
                "rebuild-rate" => scenario with { RebuildBytesPerSecond = Rate(file, value) },
                "time-scale" => scenario with { TimeScale = PositiveDouble(file, value) },
                "events" => scenario,
                _ => throw Error(file, keyNode, $"unknown key '{key}' (expected one of {string.Join(", ", TopKeys)})."),
            };
            if (key == "events")
            {
                events = value as YamlSequenceNode
                    ?? throw Error(file, value, "'events' is a list of events, each '- at: 10s' plus one of " + string.Join(", ", ActionKeys) + ".");
            }
        }

        var parsed = events?.Children.Select(e => Event(file, e, scenario)).ToList() ?? [];
        return scenario with { Events = [.. parsed.OrderBy(e => e.At)] };
    }

    private static ScenarioEvent Event(string file, YamlNode node, Scenario scenario)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(file, node, "an event is a mapping like '- at: 10s' followed by 'node-down: node-2'.");
        }

        TimeSpan? at = null;
        (ScenarioAction Action, string? Node)? action = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value) ?? string.Empty;
            if (key == "at")
            {
                var text = Scalar(file, value);
                at = DurationParser.TryParse(text, out var when)
                    ? when
                    : throw Error(file, value, $"'{text}' is not a duration (examples: 10s, 1m30s, 500ms).");
                continue;
            }

            if (!ActionKeys.Contains(key))
            {
                throw Error(file, keyNode, $"unknown event key '{key}' (expected at, {string.Join(", ", ActionKeys)}).");
            }

            if (action is not null)
            {
                throw Error(file, keyNode, "an event has exactly one action; start another '- at:' item for the next one.");
            }

            action = key == "witness" ? (WitnessAction(file, value, scenario), null) : (NodeAction(key), NodeName(file, value, scenario));
        }

        if (at is not { } time)
        {
            throw Error(file, node, "the event has no 'at' time.");
        }

        if (action is not { } a)
        {
            throw Error(file, node, $"the event has no action (one of {string.Join(", ", ActionKeys)}).");
        }

        return new ScenarioEvent(time, a.Action, a.Node, checked((int)node.Start.Line));
    }

    private static ScenarioAction NodeAction(string key) => key switch
    {
        "node-down" => ScenarioAction.NodeDown,
        "node-up" => ScenarioAction.NodeUp,
        "node-pause" => ScenarioAction.NodePause,
        _ => ScenarioAction.NodeResume,
    };

    private static string NodeName(string file, YamlNode value, Scenario scenario)
    {
        var name = Scalar(file, value);
        return scenario.NodeNames.Contains(name)
            ? name
            : throw Error(file, value, $"unknown node '{name}': this scenario has {string.Join(", ", scenario.NodeNames)}.");
    }

    private static ScenarioAction WitnessAction(string file, YamlNode value, Scenario scenario)
    {
        if (scenario.Witness == WitnessType.None)
        {
            throw Error(file, value, "a witness event needs 'witness: cloud' or 'witness: fileshare' at the top of the scenario.");
        }

        return Scalar(file, value) switch
        {
            "failed" => ScenarioAction.WitnessFail,
            "ok" => ScenarioAction.WitnessRestore,
            var other => throw Error(file, value, $"witness event '{other}': expected 'failed' or 'ok'."),
        };
    }

    private static WitnessType Witness(string file, YamlNode value) => Scalar(file, value) switch
    {
        "none" => WitnessType.None,
        "cloud" => WitnessType.Cloud,
        "fileshare" => WitnessType.FileShare,
        var other => throw Error(file, value, $"witness '{other}': expected none, cloud or fileshare."),
    };

    private static string Scalar(string file, YamlNode value) =>
        value is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(file, value, "expected a value here.");

    private static int Int(string file, YamlNode value, int min, int max)
    {
        var text = Scalar(file, value);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Error(file, value, $"'{text}' is not a whole number from {min} to {max}.");
    }

    private static double PositiveDouble(string file, YamlNode value)
    {
        var text = Scalar(file, value);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw Error(file, value, $"'{text}' is not a positive number.");
    }

    private static long Rate(string file, YamlNode value)
    {
        var text = Scalar(file, value);
        return ByteSizeParser.TryParse(text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text, out var bytes) && bytes > 0
            ? bytes
            : throw Error(file, value, $"'{text}' is not a rate in bytes per second (examples: 2GiB/s, 500MB/s, 1048576).");
    }

    private static ScenarioException Error(string file, YamlNode node, string message) =>
        ScenarioException.At(file, node.Start.Line, node.Start.Column, message);

    // YamlDotNet prefixes its message with the position, which we already print in our own format.
    private static string InnerMessage(YamlException e)
    {
        var message = e.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && separator > 0 ? message[(separator + 3)..] : message;
    }
}
