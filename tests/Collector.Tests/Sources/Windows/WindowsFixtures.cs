using System.Text.Json;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Loads the fixture files: what <c>Get-CimInstance ... | ConvertTo-Json</c>, <c>Get-HealthFault | ConvertTo-Json</c>
/// and <c>Get-Counter ... | ConvertTo-Json</c> print (one object or an array; extra CIM properties ignored).
/// </summary>
internal static class WindowsFixtures
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<T> Load<T>(string name)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Windows", "Fixtures", name + ".json"));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Array
            ? doc.RootElement.Deserialize<List<T>>(Options)!
            : [doc.RootElement.Deserialize<T>(Options)!];
    }

    /// <summary>A Get-Counter result's samples, parsed from their paths.</summary>
    public static IReadOnlyList<PerfSample> Counters(string name)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Windows", "Fixtures", name + ".json"));
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("CounterSamples").EnumerateArray()
            .Select(s => PerfCounterPath.Parse(s.GetProperty("Path").GetString()!, s.GetProperty("CookedValue").GetDouble(), s.GetProperty("RawValue").GetInt64())!)];
    }

    private sealed record ComputerSystem(long TotalPhysicalMemory);

    /// <summary>The four-node cluster as NODE1 (the core group owner) reads it.</summary>
    public static WindowsSnapshot Snapshot(string counters = "Get-Counter-1") => new()
    {
        Counters = Counters(counters),
        TotalPhysicalMemory = Load<ComputerSystem>("Win32_ComputerSystem")[0].TotalPhysicalMemory,
        Cluster = Load<ClusterRecord>("MSCluster_Cluster")[0],
        Nodes = Load<ClusterNodeRecord>("MSCluster_Node"),
        WitnessResources = Load<ClusterResourceRecord>("MSCluster_Resource"),
        Groups = Load<ResourceGroupRecord>("MSCluster_ResourceGroup"),
        Jobs = Load<StorageJobRecord>("MSFT_StorageJob"),
        VirtualDisks = Load<VirtualDiskRecord>("MSFT_VirtualDisk"),
        Volumes = Load<VolumeRecord>("MSFT_Volume"),
        Pools = Load<StoragePoolRecord>("MSFT_StoragePool"),
        PhysicalDisks = Load<PhysicalDiskRecord>("MSFT_PhysicalDisk"),
        VirtualMachines = Load<VirtualMachineRecord>("Msvm_ComputerSystem"),
    };
}
