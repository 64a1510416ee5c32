using AzLocalMonitor.Collector.Sources.Simulated.Model;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>The <c>growth:</c> key: trends, seasonality, noise and step changes.</summary>
internal static class ScenarioGrowthParser
{
    private static readonly string[] Keys = ["storage-per-month", "vms-per-month", "memory-per-month", "weekly", "yearly", "noise", "steps"];
    private static readonly string[] StepKeys = ["at", "name", "vms", "storage", "cluster"];

    public static GrowthSpec Parse(YamlValues y, YamlNode value, IReadOnlyList<ClusterSpec> clusters)
    {
        var growth = GrowthSpec.Default;
        foreach (var (key, v) in y.Mapping(value, "'growth'").Children)
        {
            growth = YamlValues.Key(key) switch
            {
                "storage-per-month" => growth with { StoragePerMonth = y.Share(v, 10) },
                "vms-per-month" => growth with { VmsPerMonth = y.Share(v, 10) },
                "memory-per-month" => growth with { MemoryPerMonth = y.Share(v, 10) },
                "weekly" => growth with { Weekly = y.Share(v, 0.9) },
                "yearly" => growth with { Yearly = y.Share(v, 0.9) },
                "noise" => growth with { Noise = y.Share(v, 0.5) },
                "steps" => growth with { Steps = [.. y.Sequence(v, "'steps'").Children.Select(s => Step(y, s, clusters))] },
                var other => throw y.Error(key, $"unknown growth key '{other}' (expected {string.Join(", ", Keys)})."),
            };
        }

        return growth;
    }

    private static GrowthStep Step(YamlValues y, YamlNode node, IReadOnlyList<ClusterSpec> clusters)
    {
        var map = y.Mapping(node, "a growth step");
        TimeSpan? at = null;
        string? name = null, cluster = null;
        var vms = 0;
        long storage = 0;
        foreach (var (key, v) in map.Children)
        {
            switch (YamlValues.Key(key))
            {
                case "at": at = y.Duration(v); break;
                case "name": name = y.Scalar(v); break;
                case "vms": vms = y.Int(v, -10_000, 10_000); break;
                case "storage": storage = y.Bytes(v); break;
                case "cluster":
                    cluster = y.Scalar(v);
                    if (!clusters.Any(c => c.Name == cluster))
                    {
                        throw y.Error(v, $"unknown cluster '{cluster}' (this scenario has {string.Join(", ", clusters.Select(c => c.Name))}).");
                    }

                    break;
                case var other: throw y.Error(key, $"unknown growth step key '{other}' (expected {string.Join(", ", StepKeys)}).");
            }
        }

        return at is { } when ? new GrowthStep(when, vms, storage, cluster, name) : throw y.Error(node, "the growth step has no 'at' time.");
    }
}
