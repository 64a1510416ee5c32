namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Every WQL query the agent runs. Each property named here must exist in <c>cim-schema.json</c> (checked by a test
/// that reads every query in this folder's source): WMI refuses a whole query that names one missing property.
/// </summary>
internal static class WqlQueries
{
    public const string Nodes = "SELECT Name, State, NodeWeight, DynamicWeight, NodeDrainStatus, FaultDomain FROM MSCluster_Node";
    public const string Cluster = "SELECT Name, QuorumType, QuorumTypeValue, DynamicQuorumEnabled, WitnessDynamicWeight FROM MSCluster_Cluster";

    // The WHERE keeps the answer small (a cluster has a resource per VM); replay and the reader filter again in code.
    public const string Witnesses = "SELECT Name, Type, State FROM MSCluster_Resource WHERE Type = 'Cloud Witness' OR Type = 'File Share Witness'";

    // The witness's endpoint (AccountName, EndpointInfo; SharePath), which the agent times. Asked apart, so that a
    // provider refusing the embedded object costs the round trip only, never the witness's state.
    public const string WitnessEndpoints = "SELECT Name, PrivateProperties FROM MSCluster_Resource WHERE Type = 'Cloud Witness' OR Type = 'File Share Witness'";
    public const string Groups = "SELECT Name, OwnerNode, IsCore, GroupType FROM MSCluster_ResourceGroup";
    public const string Networks = "SELECT Name, Role FROM MSCluster_Network";
    public const string NetworkInterfaces = "SELECT Node, Network, Adapter, AdapterId FROM MSCluster_NetworkInterface";

    public const string ReplicationGroups = "SELECT Name, IsPrimary, ReplicationMode, ReplicationStatus FROM MSFT_WvrReplicationGroup";
    public const string Partnerships = "SELECT SourceRGName, DestinationComputerName, DestinationRGName FROM MSFT_WvrReplicationPartnership";
    public const string Jobs = "SELECT Name, JobState, PercentComplete, BytesProcessed, BytesTotal FROM MSFT_StorageJob";
    public const string VirtualDisks = "SELECT ObjectId, FriendlyName, ResiliencySettingName, NumberOfDataCopies, PhysicalDiskRedundancy, Size, AllocatedSize, HealthStatus, OperationalStatus FROM MSFT_VirtualDisk";
    public const string Tiers = "SELECT ObjectId, FriendlyName, ResiliencySettingName, NumberOfDataCopies, PhysicalDiskRedundancy FROM MSFT_StorageTier";
    public const string DiskTiers = "SELECT VirtualDisk, StorageTier FROM MSFT_VirtualDiskToStorageTier";

    // FileSystem holds "CSVFS" on a CSV; CSVFS_ReFS / CSVFS_NTFS are FileSystemType values (32769 / 32768), filtered in code.
    public const string Volumes = "SELECT FileSystemLabel, FileSystem, FileSystemType, Size, SizeRemaining FROM MSFT_Volume";
    public const string Pools = "SELECT FriendlyName, IsPrimordial, Size, AllocatedSize, HealthStatus FROM MSFT_StoragePool";
    public const string StorageNodes = "SELECT ObjectId, Name FROM MSFT_StorageNode";
    public const string NodeDisks = "SELECT StorageNode, PhysicalDisk, IsPhysicallyConnected FROM MSFT_StorageNodeToPhysicalDisk";
    public const string PhysicalDisks = "SELECT ObjectId, FriendlyName, SerialNumber, MediaType, BusType, Usage, HealthStatus, CannotPoolReason FROM MSFT_PhysicalDisk";

    public const string VirtualMachines = "SELECT ElementName, Caption, EnabledState FROM Msvm_ComputerSystem";
    public const string ComputerSystem = "SELECT TotalPhysicalMemory FROM Win32_ComputerSystem";
    public const string NetAdapters = "SELECT Name, InterfaceDescription, DeviceID FROM MSFT_NetAdapter";

    public const string ClusteredSubsystems = "SELECT ObjectId, FriendlyName FROM MSFT_StorageSubSystem WHERE FriendlyName LIKE 'Clus%'";
    public const string FaultEvents = "SELECT * FROM MSFT_StorageFaultEvent";
}
