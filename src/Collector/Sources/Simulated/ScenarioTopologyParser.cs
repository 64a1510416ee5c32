using AzLocalMonitor.Collector.Sources.Simulated.Topology;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>The <c>volumes:</c> and <c>vms:</c> keys of a scenario, which replace the preset's.</summary>
internal static class ScenarioTopologyParser
{
    private static readonly string[] VolumeKeys = ["name", "resiliency", "size", "used", "thin"];
    private static readonly string[] VmKeys = ["count", "memory", "vcpus", "cpu-load"];

    /// <summary><c>vms: 30</c> or <c>vms: {count: 30, memory: 16GiB, vcpus: 4, cpu-load: 35%}</c>.</summary>
    public static VmSpec Vms(YamlValues y, YamlNode value, VmSpec current)
    {
        if (value is YamlScalarNode)
        {
            return current with { Count = y.Int(value, 0, 10_000) };
        }

        var vms = current;
        foreach (var (key, v) in y.Mapping(value, "'vms'").Children)
        {
            vms = YamlValues.Key(key) switch
            {
                "count" => vms with { Count = y.Int(v, 0, 10_000) },
                "memory" => vms with { MemoryBytes = y.Bytes(v) },
                "vcpus" => vms with { Vcpus = y.Int(v, 1, 256) },
                "cpu-load" => vms with { CpuLoad = y.Share(v) },
                var other => throw y.Error(key, $"unknown vms key '{other}' (expected {string.Join(", ", VmKeys)})."),
            };
        }

        return vms;
    }

    /// <summary>A list of <c>{name, resiliency, size, used, thin}</c>; checked against the node count and the pool.</summary>
    public static IReadOnlyList<VolumeSpec> Volumes(YamlValues y, YamlNode value, ClusterSpec spec)
    {
        var volumes = new List<VolumeSpec>();
        double footprint = 0;
        foreach (var item in y.Sequence(value, "'volumes'").Children)
        {
            var volume = Volume(y, y.Mapping(item, "a volume"), spec);
            if (volumes.Any(v => v.Name == volume.Name))
            {
                throw y.Error(item, $"volume '{volume.Name}' is listed twice.");
            }

            volumes.Add(volume);
            footprint += (volume.Thin ? volume.SizeBytes * volume.UsedFraction : volume.SizeBytes) / ResiliencyRules.Efficiency(volume.Resiliency, spec.Nodes, spec.AllFlash);
            if (footprint > spec.RawBytes)
            {
                throw y.Error(item, $"the volumes' footprint ({PresetDescriber.Bytes(footprint)}) exceeds the pool ({PresetDescriber.Bytes(spec.RawBytes)} raw on "
                    + $"{spec.Nodes} nodes): S2D could not create volume '{volume.Name}'.");
            }
        }

        return volumes;
    }

    private static VolumeSpec Volume(YamlValues y, YamlMappingNode map, ClusterSpec spec)
    {
        string? name = null;
        Resiliency? resiliency = null;
        long? size = null;
        double used = 0.45;
        var thin = false;
        YamlNode? resiliencyNode = null;
        foreach (var (key, v) in map.Children)
        {
            switch (YamlValues.Key(key))
            {
                case "name": name = y.Scalar(v); break;
                case "resiliency":
                    resiliencyNode = v;
                    resiliency = ResiliencyRules.TryParse(y.Scalar(v), out var r)
                        ? r
                        : throw y.Error(v, $"resiliency '{y.Scalar(v)}': expected simple, two-way-mirror, three-way-mirror, single-parity or dual-parity.");
                    break;
                case "size": size = y.Bytes(v); break;
                case "used": used = y.Share(v, 0.98); break;
                case "thin": thin = y.Bool(v); break;
                case var other: throw y.Error(key, $"unknown volume key '{other}' (expected {string.Join(", ", VolumeKeys)}).");
            }
        }

        if (name is null || resiliency is null || size is null)
        {
            throw y.Error(map, "a volume needs name, resiliency and size (e.g. {name: db, resiliency: three-way-mirror, size: 2TB}).");
        }

        if (spec.Nodes < ResiliencyRules.MinNodes(resiliency.Value))
        {
            throw y.Error(resiliencyNode!, $"{ResiliencyRules.Name(resiliency.Value)} needs at least {ResiliencyRules.MinNodes(resiliency.Value)} nodes; this cluster has {spec.Nodes}.");
        }

        return new VolumeSpec(name, resiliency.Value, size.Value, used, thin);
    }
}
