using System.Management;
using System.Runtime.Versioning;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Thin CIM reader (System.Management / WMI): one WQL query per class, each instance copied into a raw record with
/// the CIM property names. No interpretation here; <see cref="WindowsMapper"/> does that. Not runnable off Windows.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class CimReader
{
    private const string Cluster = @"\\.\root\MSCluster";
    private const string Storage = @"\\.\root\Microsoft\Windows\Storage";
    private const string Virtualization = @"\\.\root\virtualization\v2";
    private const string Cimv2 = @"\\.\root\cimv2";

    private readonly string _node;

    public CimReader(string node) => _node = node;

    /// <summary>Reads every class; a namespace that does not answer gives empty lists (and ClusterReachable false for MSCluster).</summary>
    public WindowsSnapshot Read(IReadOnlyList<PerfSample> counters)
    {
        var reachable = true;
        List<ClusterNodeRecord> nodes = [];
        List<ClusterRecord> clusters = [];
        List<ClusterResourceRecord> witnesses = [];
        List<ResourceGroupRecord> groups = [];
        try
        {
            nodes = Query(Cluster, "SELECT Name, State, NodeWeight, DynamicWeight, NodeDrainStatus FROM MSCluster_Node", o => new ClusterNodeRecord
            {
                Name = CimValues.Text(o, "Name"),
                State = CimValues.Int(o, "State", -1),
                NodeWeight = CimValues.Int(o, "NodeWeight"),
                DynamicWeight = CimValues.Int(o, "DynamicWeight"),
                NodeDrainStatus = CimValues.Int(o, "NodeDrainStatus"),
            });
            clusters = Query(Cluster, "SELECT * FROM MSCluster_Cluster", o => new ClusterRecord
            {
                Name = CimValues.Text(o, "Name"),
                QuorumTypeValue = CimValues.Int(o, "QuorumTypeValue", -1),
                QuorumType = CimValues.TextOrNull(o, "QuorumType"),
                DynamicQuorumEnabled = CimValues.Int(o, "DynamicQuorumEnabled"),
                WitnessDynamicWeight = CimValues.Int(o, "WitnessDynamicWeight"),
            });
            witnesses = Query(Cluster, "SELECT Name, Type, State FROM MSCluster_Resource WHERE Type = 'Cloud Witness' OR Type = 'File Share Witness'", o => new ClusterResourceRecord
            {
                Name = CimValues.Text(o, "Name"),
                Type = CimValues.Text(o, "Type"),
                State = CimValues.Int(o, "State", -1),
            });
            groups = Query(Cluster, "SELECT Name, OwnerNode, IsCoreGroup, GroupType FROM MSCluster_ResourceGroup", o => new ResourceGroupRecord
            {
                Name = CimValues.Text(o, "Name"),
                OwnerNode = CimValues.TextOrNull(o, "OwnerNode"),
                IsCoreGroup = CimValues.Bool(o, "IsCoreGroup"),
                GroupType = CimValues.Int(o, "GroupType"),
            });
        }
        catch (Exception e) when (e is ManagementException or System.Runtime.InteropServices.COMException or UnauthorizedAccessException)
        {
            reachable = false;
        }

        return new WindowsSnapshot
        {
            Counters = counters,
            TotalPhysicalMemory = Query(Cimv2, "SELECT TotalPhysicalMemory FROM Win32_ComputerSystem", o => CimValues.Long(o, "TotalPhysicalMemory")).FirstOrDefault(),
            ClusterReachable = reachable,
            Cluster = clusters.FirstOrDefault(),
            Nodes = nodes,
            WitnessResources = witnesses,
            Groups = groups,
            Jobs = TryQuery(Storage, "SELECT * FROM MSFT_StorageJob", o => new StorageJobRecord
            {
                Name = CimValues.Text(o, "Name"),
                InstanceId = CimValues.TextOrNull(o, "InstanceId"),
                JobState = CimValues.Int(o, "JobState"),
                PercentComplete = CimValues.Int(o, "PercentComplete"),
                BytesProcessed = CimValues.Long(o, "BytesProcessed"),
                BytesTotal = CimValues.Long(o, "BytesTotal"),
            }),
            VirtualDisks = TryQuery(Storage, "SELECT * FROM MSFT_VirtualDisk", o => new VirtualDiskRecord
            {
                FriendlyName = CimValues.Text(o, "FriendlyName"),
                ResiliencySettingName = CimValues.TextOrNull(o, "ResiliencySettingName"),
                NumberOfDataCopies = CimValues.Int(o, "NumberOfDataCopies"),
                PhysicalDiskRedundancy = CimValues.Int(o, "PhysicalDiskRedundancy"),
                TierResiliency = TierResiliency(o),
                Size = CimValues.Long(o, "Size") ?? 0,
                AllocatedSize = CimValues.Long(o, "AllocatedSize") ?? 0,
                HealthStatus = CimValues.Int(o, "HealthStatus", 5),
                OperationalStatus = CimValues.Ints(o, "OperationalStatus"),
            }),
            Volumes = TryQuery(Storage, "SELECT FileSystemLabel, Size, SizeRemaining FROM MSFT_Volume WHERE FileSystem = 'CSVFS_ReFS' OR FileSystem = 'CSVFS_NTFS'", o => new VolumeRecord
            {
                FileSystemLabel = CimValues.TextOrNull(o, "FileSystemLabel"),
                Size = CimValues.Long(o, "Size") ?? 0,
                SizeRemaining = CimValues.Long(o, "SizeRemaining") ?? 0,
            }),
            Pools = TryQuery(Storage, "SELECT FriendlyName, IsPrimordial, Size, AllocatedSize, HealthStatus FROM MSFT_StoragePool", o => new StoragePoolRecord
            {
                FriendlyName = CimValues.Text(o, "FriendlyName"),
                IsPrimordial = CimValues.Bool(o, "IsPrimordial"),
                Size = CimValues.Long(o, "Size") ?? 0,
                AllocatedSize = CimValues.Long(o, "AllocatedSize") ?? 0,
                HealthStatus = CimValues.Int(o, "HealthStatus", 5),
            }),
            PhysicalDisks = LocalPhysicalDisks(),
            VirtualMachines = TryQuery(Virtualization, "SELECT ElementName, Caption, EnabledState FROM Msvm_ComputerSystem", o => new VirtualMachineRecord
            {
                ElementName = CimValues.Text(o, "ElementName"),
                Caption = CimValues.TextOrNull(o, "Caption"),
                EnabledState = CimValues.Int(o, "EnabledState"),
            }),
        };
    }

    // This node's drives: MSFT_StorageNode (Name is the node's FQDN) → MSFT_StorageNodeToPhysicalDisk.
    private List<PhysicalDiskRecord> LocalPhysicalDisks()
    {
        var storageNodes = TryQuery(Storage, "SELECT ObjectId, Name FROM MSFT_StorageNode", o => (Id: CimValues.Text(o, "ObjectId"), Name: CimValues.Text(o, "Name")));
        var own = storageNodes.FirstOrDefault(n => n.Name.Split('.')[0].Equals(_node.Split('.')[0], StringComparison.OrdinalIgnoreCase));
        if (own.Id is null)
        {
            return [];
        }

        var id = own.Id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return TryQuery(Storage, $"ASSOCIATORS OF {{MSFT_StorageNode.ObjectId=\"{id}\"}} WHERE AssocClass = MSFT_StorageNodeToPhysicalDisk", o => new PhysicalDiskRecord
        {
            FriendlyName = CimValues.Text(o, "FriendlyName"),
            SerialNumber = CimValues.TextOrNull(o, "SerialNumber"),
            MediaType = CimValues.Int(o, "MediaType"),
            BusType = CimValues.Int(o, "BusType"),
            Usage = CimValues.Int(o, "Usage"),
            HealthStatus = CimValues.Int(o, "HealthStatus", 5),
        });
    }

    private static List<string> TierResiliency(ManagementBaseObject disk)
    {
        if (disk is not ManagementObject item)
        {
            return [];
        }

        try
        {
            return [.. item.GetRelated("MSFT_StorageTier").Cast<ManagementBaseObject>().Select(t => CimValues.Text(t, "ResiliencySettingName"))];
        }
        catch (ManagementException)
        {
            return [];
        }
    }

    private static List<T> TryQuery<T>(string scope, string wql, Func<ManagementBaseObject, T> map)
    {
        try
        {
            return Query(scope, wql, map);
        }
        catch (Exception e) when (e is ManagementException or System.Runtime.InteropServices.COMException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static List<T> Query<T>(string scope, string wql, Func<ManagementBaseObject, T> map)
    {
        using var searcher = new ManagementObjectSearcher(new ManagementScope(scope), new ObjectQuery(wql));
        using var results = searcher.Get();
        var list = new List<T>();
        foreach (var item in results)
        {
            using (item)
            {
                list.Add(map(item));
            }
        }

        return list;
    }
}
