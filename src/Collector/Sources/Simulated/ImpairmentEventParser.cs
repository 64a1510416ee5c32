using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>
/// The events that degrade without failing: witness and inter-site latency, a cut inter-site link, replication lag,
/// a slow network segment, a slow disk, a failed cache drive. Latencies and lags are durations (<c>8ms</c>,
/// <c>75m</c>) or <c>normal</c> for the topology's own value.
/// </summary>
internal static class ImpairmentEventParser
{
    public static readonly string[] Keys =
        ["witness-latency", "site-link", "replication-lag", "network-latency", "slow-disk", "cache-drive-fail", "cache-drive-replace", "health-fault", "node-reboot"];

    private static readonly string[] Networks = ["storage", "management", "cluster", "workload"];

    public static ScenarioEvent Parse(YamlValues y, string key, YamlNode value, ClusterSpec cluster, TimeSpan at, int line, Func<YamlNode, string> nodeName) => key switch
    {
        "witness-latency" => cluster.Witness == WitnessType.None
            ? throw y.Error(value, "witness-latency needs a witness (witness: cloud or fileshare, or a preset with one).")
            : new(at, ScenarioAction.WitnessLatency, null, line) { Seconds = Seconds(y, value) },
        "site-link" => SiteLink(y, value, cluster, at, line),
        "replication-lag" => cluster.Replication is null
            ? throw y.Error(value, $"replication-lag needs a cluster that replicates ({cluster.Name} does not: use the bank or hospital preset).")
            : new(at, ScenarioAction.ReplicationLag, null, line) { Seconds = Seconds(y, value) },
        "network-latency" => NetworkLatency(y, value, at, line),
        "slow-disk" => SlowDisk(y, value, at, line, nodeName),
        "cache-drive-fail" or "cache-drive-replace" => cluster.Cache is null
            ? throw y.Error(value, $"{key}: {cluster.Name} has no cache tier (all-flash, single tier).")
            : new(at, key == "cache-drive-fail" ? ScenarioAction.CacheDriveFail : ScenarioAction.CacheDriveReplace, nodeName(value), line),
        "health-fault" => HealthFault(y, value, at, line),
        "node-reboot" => Reboot(y, value, at, line, nodeName),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not an impairment event"),
    };

    private static ScenarioEvent SiteLink(YamlValues y, YamlNode value, ClusterSpec cluster, TimeSpan at, int line)
    {
        if (cluster.SiteCount < 2)
        {
            throw y.Error(value, $"site-link needs a stretched cluster ({cluster.Name} has one site: use the bank preset).");
        }

        return y.Scalar(value) switch
        {
            "cut" => new(at, ScenarioAction.SiteLinkCut, null, line),
            "ok" => new(at, ScenarioAction.SiteLinkRestore, null, line),
            _ => new(at, ScenarioAction.SiteLinkLatency, null, line) { Seconds = Seconds(y, value, "site-link: cut, ok, or a round trip such as 8ms") },
        };
    }

    private static ScenarioEvent NetworkLatency(YamlValues y, YamlNode value, TimeSpan at, int line)
    {
        string? network = null;
        double? seconds = null;
        var given = false;
        foreach (var (k, v) in y.Mapping(value, "network-latency ({network: storage, latency: 2ms})").Children)
        {
            switch (YamlValues.Key(k))
            {
                case "network":
                    network = y.Scalar(v);
                    if (!Networks.Contains(network))
                    {
                        throw y.Error(v, $"unknown network '{network}' (expected {string.Join(", ", Networks)}).");
                    }

                    break;
                case "latency": seconds = Seconds(y, v); given = true; break;
                case var other: throw y.Error(k, $"unknown network-latency key '{other}' (expected network, latency).");
            }
        }

        return network is null || !given
            ? throw y.Error(value, "network-latency needs 'network' and 'latency'.")
            : new ScenarioEvent(at, ScenarioAction.NetworkLatency, null, line) { Network = network, Seconds = seconds };
    }

    private static ScenarioEvent SlowDisk(YamlValues y, YamlNode value, TimeSpan at, int line, Func<YamlNode, string> nodeName)
    {
        string? node = null;
        double? seconds = null;
        var given = false;
        foreach (var (k, v) in y.Mapping(value, "slow-disk ({node: node-2, latency: 40ms})").Children)
        {
            switch (YamlValues.Key(k))
            {
                case "node": node = nodeName(v); break;
                case "latency": seconds = Seconds(y, v); given = true; break;
                case var other: throw y.Error(k, $"unknown slow-disk key '{other}' (expected node, latency).");
            }
        }

        return node is null || !given
            ? throw y.Error(value, "slow-disk needs 'node' and 'latency'.")
            : new ScenarioEvent(at, ScenarioAction.SlowDisk, node, line) { Seconds = seconds };
    }

    private static ScenarioEvent Reboot(YamlValues y, YamlNode value, TimeSpan at, int line, Func<YamlNode, string> nodeName)
    {
        if (value is YamlScalarNode)
        {
            return new ScenarioEvent(at, ScenarioAction.NodeReboot, nodeName(value), line) { Seconds = DefaultRebootSeconds };
        }

        string? node = null;
        double seconds = DefaultRebootSeconds;
        foreach (var (k, v) in y.Mapping(value, "node-reboot ({node: node-2, for: 5m})").Children)
        {
            switch (YamlValues.Key(k))
            {
                case "node": node = nodeName(v); break;
                case "for": seconds = Seconds(y, v, "node-reboot 'for': how long the restart takes, such as 3m") ?? DefaultRebootSeconds; break;
                case var other: throw y.Error(k, $"unknown node-reboot key '{other}' (expected node, for).");
            }
        }

        return node is null ? throw y.Error(value, "node-reboot needs 'node'.") : new ScenarioEvent(at, ScenarioAction.NodeReboot, node, line) { Seconds = seconds };
    }

    /// <summary>How long a node restart takes unless the event says (boot, cluster service start, rejoin).</summary>
    private const double DefaultRebootSeconds = 180;

    private static ScenarioEvent HealthFault(YamlValues y, YamlNode value, TimeSpan at, int line)
    {
        string? type = null;
        var severity = "warning";
        var count = 1;
        foreach (var (k, v) in y.Mapping(value, "health-fault ({type: PhysicalDisk.LostCommunication, severity: critical})").Children)
        {
            switch (YamlValues.Key(k))
            {
                case "type": type = y.Scalar(v); break;
                case "severity":
                    severity = y.Scalar(v);
                    if (severity is not ("critical" or "warning" or "info"))
                    {
                        throw y.Error(v, $"severity '{severity}': expected critical, warning or info (PerceivedSeverity 6–7, 3–5, 2).");
                    }

                    break;
                case "count": count = y.Int(v, 0, 1000); break;
                case var other: throw y.Error(k, $"unknown health-fault key '{other}' (expected type, severity, count).");
            }
        }

        return type is null
            ? throw y.Error(value, "health-fault needs 'type' (e.g. PhysicalDisk.LostCommunication).")
            : new ScenarioEvent(at, ScenarioAction.HealthFault, null, line) { Fault = new FaultCount(severity, "Microsoft.Health.FaultType." + type, count) };
    }

    /// <summary>A duration in seconds, or null for <c>normal</c>.</summary>
    private static double? Seconds(YamlValues y, YamlNode value, string? what = null)
    {
        if (value is YamlScalarNode { Value: "normal" })
        {
            return null;
        }

        try
        {
            var d = y.Duration(value);
            return d > TimeSpan.Zero ? d.TotalSeconds : throw y.Error(value, $"{what ?? "a latency or lag"} must be positive (or 'normal').");
        }
        catch (ScenarioException) when (what is not null)
        {
            throw y.Error(value, what);
        }
    }
}
