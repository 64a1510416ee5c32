using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>CIM rows to raw records, property by property, with the CIM names. Unknown states default to Unknown (−1 / 5).</summary>
internal static class CimRecords
{
    public static ClusterNodeRecord Node(CimRow r) => new()
    {
        Name = r.Text("Name"),
        State = r.Int("State", -1),
        NodeWeight = r.Int("NodeWeight"),
        DynamicWeight = r.Int("DynamicWeight"),
        NodeDrainStatus = r.Int("NodeDrainStatus"),
        FaultDomain = r.Texts("FaultDomain"),
    };

    public static ClusterRecord Cluster(CimRow r) => new()
    {
        Name = r.Text("Name"),
        QuorumTypeValue = r.Int("QuorumTypeValue", -1),
        QuorumType = r.TextOrNull("QuorumType"),
        DynamicQuorumEnabled = r.Int("DynamicQuorumEnabled"),
        WitnessDynamicWeight = r.Int("WitnessDynamicWeight"),
    };

    public static ClusterResourceRecord Witness(CimRow r) => new() { Name = r.Text("Name"), Type = r.Text("Type"), State = r.Int("State", -1) };

    /// <summary>The witness with its endpoint from PrivateProperties (the embedded MSCluster_Property holding the resource type's private properties).</summary>
    public static ClusterResourceRecord WithEndpoint(ClusterResourceRecord witness, CimRow? r) => r?.Nested("PrivateProperties") is not { } p ? witness : witness with
    {
        AccountName = p.TextOrNull("AccountName"),
        EndpointInfo = p.TextOrNull("EndpointInfo"),
        SharePath = p.TextOrNull("SharePath"),
    };

    public static ResourceGroupRecord Group(CimRow r) => new()
    {
        Name = r.Text("Name"),
        OwnerNode = r.TextOrNull("OwnerNode"),
        IsCore = r.Bool("IsCore"),
        GroupType = r.Int("GroupType"),
    };

    public static ClusterNetworkRecord Network(CimRow r) => new() { Name = r.Text("Name"), Role = r.Int("Role") };

    public static NetworkInterfaceRecord NetworkInterface(CimRow r) => new()
    {
        Node = r.Text("Node"),
        Network = r.Text("Network"),
        Adapter = r.TextOrNull("Adapter"),
        AdapterId = r.TextOrNull("AdapterId"),
    };

    public static ReplicationGroupRecord ReplicationGroup(CimRow r) => new()
    {
        Name = r.Text("Name"),
        IsPrimary = r.Bool("IsPrimary"),
        ReplicationMode = r.Int("ReplicationMode"),
        ReplicationStatus = r.Int("ReplicationStatus"),
    };

    public static PartnershipRecord Partnership(CimRow r) => new()
    {
        SourceRGName = r.Text("SourceRGName"),
        DestinationComputerName = r.Text("DestinationComputerName"),
        DestinationRGName = r.Text("DestinationRGName"),
    };

    public static StorageJobRecord Job(CimRow r) => new()
    {
        Name = r.Text("Name"),
        JobState = r.Int("JobState"),
        PercentComplete = r.Int("PercentComplete"),
        BytesProcessed = r.Long("BytesProcessed"),
        BytesTotal = r.Long("BytesTotal"),
    };

    public static VirtualDiskRecord VirtualDisk(CimRow r) => new()
    {
        ObjectId = r.TextOrNull("ObjectId"),
        FriendlyName = r.Text("FriendlyName"),
        ResiliencySettingName = r.TextOrNull("ResiliencySettingName"),
        NumberOfDataCopies = r.Int("NumberOfDataCopies"),
        PhysicalDiskRedundancy = r.Int("PhysicalDiskRedundancy"),
        Size = r.Long("Size") ?? 0,
        AllocatedSize = r.Long("AllocatedSize") ?? 0,
        HealthStatus = r.Int("HealthStatus", 5),
        OperationalStatus = r.Ints("OperationalStatus"),
    };

    public static StorageTierRecord Tier(CimRow r) => new()
    {
        FriendlyName = r.Text("FriendlyName"),
        ResiliencySettingName = r.TextOrNull("ResiliencySettingName"),
        NumberOfDataCopies = r.Int("NumberOfDataCopies"),
        PhysicalDiskRedundancy = r.Int("PhysicalDiskRedundancy"),
    };

    public static VolumeRecord Volume(CimRow r) => new()
    {
        FileSystemLabel = r.TextOrNull("FileSystemLabel"),
        FileSystem = r.TextOrNull("FileSystem"),
        FileSystemType = r.Int("FileSystemType"),
        Size = r.Long("Size") ?? 0,
        SizeRemaining = r.Long("SizeRemaining") ?? 0,
    };

    public static StoragePoolRecord Pool(CimRow r) => new()
    {
        FriendlyName = r.Text("FriendlyName"),
        IsPrimordial = r.Bool("IsPrimordial"),
        Size = r.Long("Size") ?? 0,
        AllocatedSize = r.Long("AllocatedSize") ?? 0,
        HealthStatus = r.Int("HealthStatus", 5),
    };

    public static PhysicalDiskRecord PhysicalDisk(CimRow r) => new()
    {
        ObjectId = r.TextOrNull("ObjectId"),
        FriendlyName = r.Text("FriendlyName"),
        SerialNumber = r.TextOrNull("SerialNumber"),
        MediaType = r.Int("MediaType"),
        BusType = r.Int("BusType"),
        Usage = r.Int("Usage"),
        HealthStatus = r.Int("HealthStatus", 5),
        CannotPoolReason = r.Ints("CannotPoolReason"),
    };

    public static VirtualMachineRecord VirtualMachine(CimRow r) => new()
    {
        ElementName = r.Text("ElementName"),
        Caption = r.TextOrNull("Caption"),
        EnabledState = r.Int("EnabledState"),
    };

    public static NetAdapterRecord NetAdapter(CimRow r) => new()
    {
        Name = r.Text("Name"),
        InterfaceDescription = r.Text("InterfaceDescription"),
        DeviceId = r.TextOrNull("DeviceID"),
    };

    public static HealthFaultRecord Fault(CimRow r, int? changeType) => new()
    {
        FaultId = r.Text("FaultId"),
        FaultType = r.Text("FaultType"),
        PerceivedSeverity = r.Int("PerceivedSeverity"),
        FaultingObjectDescription = r.TextOrNull("FaultingObjectDescription"),
        ChangeType = changeType,
    };
}
