using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>One item of <c>events:</c>: <c>at</c>, one action, and <c>cluster</c> in a fleet.</summary>
internal static class ScenarioEventParser
{
    private static readonly string[] ActionKeys =
        ["node-down", "node-up", "node-pause", "node-resume", "witness", "drive-fail", "drive-replace", "partition", "volume-create", "volume-resize", .. ImpairmentEventParser.Keys];

    public static ScenarioEvent Parse(YamlValues y, YamlNode node, IReadOnlyList<ClusterSpec> clusters)
    {
        if (node is not YamlMappingNode map)
        {
            throw y.Error(node, "an event is a mapping like '- at: 10s' followed by 'node-down: node-2'.");
        }

        TimeSpan? at = null;
        (YamlNode Key, YamlNode Value)? action = null;
        ClusterSpec? cluster = clusters.Count == 1 ? clusters[0] : null;
        string? clusterName = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = YamlValues.Key(keyNode);
            if (key == "at")
            {
                at = y.Duration(value);
            }
            else if (key == "cluster")
            {
                clusterName = y.Scalar(value);
                cluster = clusters.FirstOrDefault(c => c.Name == clusterName)
                    ?? throw y.Error(value, $"unknown cluster '{clusterName}' (this scenario has {string.Join(", ", clusters.Select(c => c.Name))}).");
            }
            else if (!ActionKeys.Contains(key))
            {
                throw y.Error(keyNode, $"unknown event key '{key}' (expected at, cluster, {string.Join(", ", ActionKeys)}).");
            }
            else if (action is not null)
            {
                throw y.Error(keyNode, "an event has exactly one action; start another '- at:' item for the next one.");
            }
            else
            {
                action = (keyNode, value);
            }
        }

        if (at is not { } time)
        {
            throw y.Error(node, "the event has no 'at' time.");
        }

        if (action is not { } a)
        {
            throw y.Error(node, $"the event has no action (one of {string.Join(", ", ActionKeys)}).");
        }

        if (cluster is null)
        {
            throw y.Error(node, $"this scenario has {clusters.Count} clusters: say which with 'cluster:' ({string.Join(", ", clusters.Select(c => c.Name))}).");
        }

        var line = checked((int)node.Start.Line);
        var e = Action(y, YamlValues.Key(a.Key), a.Value, cluster, time, line);
        return clusters.Count == 1 ? e : e with { Cluster = cluster.Name };
    }

    private static ScenarioEvent Action(YamlValues y, string key, YamlNode value, ClusterSpec cluster, TimeSpan at, int line) => key switch
    {
        "node-down" => new(at, ScenarioAction.NodeDown, NodeName(y, value, cluster), line),
        "node-up" => new(at, ScenarioAction.NodeUp, NodeName(y, value, cluster), line),
        "node-pause" => new(at, ScenarioAction.NodePause, NodeName(y, value, cluster), line),
        "node-resume" => new(at, ScenarioAction.NodeResume, NodeName(y, value, cluster), line),
        "witness" => new(at, WitnessAction(y, value, cluster), null, line),
        "drive-fail" => Drive(y, value, cluster, at, ScenarioAction.DriveFail, line),
        "drive-replace" => Drive(y, value, cluster, at, ScenarioAction.DriveReplace, line),
        "volume-create" => new(at, ScenarioAction.VolumeCreated, null, line) { Volume = VolumeName(y, value, cluster) },
        "volume-resize" => new(at, ScenarioAction.VolumeResized, null, line) { Volume = VolumeName(y, value, cluster) },
        _ when ImpairmentEventParser.Keys.Contains(key) => ImpairmentEventParser.Parse(y, key, value, cluster, at, line, v => NodeName(y, v, cluster)),
        _ => Partition(y, value, cluster, at, line),
    };

    private static ScenarioEvent Drive(YamlValues y, YamlNode value, ClusterSpec cluster, TimeSpan at, ScenarioAction action, int line)
    {
        if (value is YamlScalarNode)
        {
            return new ScenarioEvent(at, action, NodeName(y, value, cluster), line);
        }

        string? node = null;
        var drive = 1;
        foreach (var (key, v) in y.Mapping(value, "a drive event ({node: node-2, drive: 3})").Children)
        {
            switch (YamlValues.Key(key))
            {
                case "node": node = NodeName(y, v, cluster); break;
                case "drive": drive = y.Int(v, 1, cluster.Capacity.Count); break;
                case var other: throw y.Error(key, $"unknown drive key '{other}' (expected node, drive).");
            }
        }

        return node is null ? throw y.Error(value, "a drive event needs 'node'.") : new ScenarioEvent(at, action, node, line) { Drive = drive };
    }

    private static ScenarioEvent Partition(YamlValues y, YamlNode value, ClusterSpec cluster, TimeSpan at, int line)
    {
        if (value is YamlScalarNode scalar)
        {
            return scalar.Value == "heal"
                ? new ScenarioEvent(at, ScenarioAction.PartitionHeal, null, line)
                : throw y.Error(value, "partition: a list of the nodes cut off (e.g. [node-3]) or 'heal'.");
        }

        var nodes = y.Sequence(value, "partition").Children.Select(n => NodeName(y, n, cluster)).Distinct().ToList();
        if (nodes.Count == 0 || nodes.Count == cluster.Nodes)
        {
            throw y.Error(value, $"a partition cuts off some of the nodes, not none or all {cluster.Nodes}.");
        }

        return new ScenarioEvent(at, ScenarioAction.Partition, null, line) { Nodes = nodes };
    }

    private static string NodeName(YamlValues y, YamlNode value, ClusterSpec cluster)
    {
        var name = y.Scalar(value);
        return cluster.NodeNames.Contains(name)
            ? name
            : throw y.Error(value, $"unknown node '{name}': {cluster.Name} has {string.Join(", ", cluster.NodeNames)}.");
    }

    private static string VolumeName(YamlValues y, YamlNode value, ClusterSpec cluster)
    {
        var name = y.Scalar(value);
        return cluster.Volumes.Any(v => v.Name == name)
            ? name
            : throw y.Error(value, $"unknown volume '{name}': {cluster.Name} has {(cluster.Volumes.Count == 0 ? "none" : string.Join(", ", cluster.Volumes.Select(v => v.Name)))}.");
    }

    private static ScenarioAction WitnessAction(YamlValues y, YamlNode value, ClusterSpec cluster)
    {
        if (cluster.Witness == WitnessType.None)
        {
            throw y.Error(value, "a witness event needs 'witness: cloud' or 'witness: fileshare' at the top of the scenario (or a preset with one).");
        }

        return y.Scalar(value) switch
        {
            "failed" => ScenarioAction.WitnessFail,
            "ok" => ScenarioAction.WitnessRestore,
            var other => throw y.Error(value, $"witness event '{other}': expected 'failed' or 'ok'."),
        };
    }
}
