using AzLocalMonitor.Collector.Sources.Windows.Cim;
using AzLocalMonitor.Collector.Sources.Windows.Records;
using static AzLocalMonitor.Collector.Sources.Windows.Cim.CimNamespaces;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Runs <see cref="WqlQueries"/> through an <see cref="ICimQuery"/> and copies the rows into raw records: the same code
/// for WMI on a node and for a capture folder replayed here. No interpretation; <see cref="WindowsMapper"/> does that.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly ICimQuery _cim;
    private readonly string _node;
    private List<string> _failures = [];

    public SnapshotReader(ICimQuery cim, string node) => (_cim, _node) = (cim, node);

    /// <summary>Queries that failed in the last <see cref="Read"/> (a namespace that does not answer gives empty lists).</summary>
    public IReadOnlyList<string> Failures => _failures;

    public WindowsSnapshot Read(IReadOnlyList<PerfSample> counters)
    {
        _failures = [];
        var clusterRows = TryQuery(Cluster, WqlQueries.Cluster);
        var nodeRows = TryQuery(Cluster, WqlQueries.Nodes);
        var groups = TryQuery(Cluster, WqlQueries.Groups);
        return new WindowsSnapshot
        {
            Counters = counters,
            TotalPhysicalMemory = Rows(Cimv2, WqlQueries.ComputerSystem).Select(r => r.Long("TotalPhysicalMemory")).FirstOrDefault(),
            // The cluster view needs the cluster object and its nodes; the rest is detail.
            ClusterReachable = clusterRows is not null && nodeRows is not null,
            Cluster = clusterRows?.Select(CimRecords.Cluster).FirstOrDefault(),
            Nodes = [.. (nodeRows ?? []).Select(CimRecords.Node)],
            Groups = [.. (groups ?? []).Select(CimRecords.Group)],
            WitnessResources = Witnesses(),
            Networks = [.. Rows(Cluster, WqlQueries.Networks).Select(CimRecords.Network)],
            NetworkInterfaces = [.. Rows(Cluster, WqlQueries.NetworkInterfaces).Select(CimRecords.NetworkInterface)],
            Jobs = [.. Rows(Storage, WqlQueries.Jobs).Select(CimRecords.Job)],
            ReplicationGroups = [.. Optional(StorageReplica, WqlQueries.ReplicationGroups).Select(CimRecords.ReplicationGroup)],
            Partnerships = [.. Optional(StorageReplica, WqlQueries.Partnerships).Select(CimRecords.Partnership)],
            VirtualDisks = VirtualDisks(),
            Volumes = [.. Rows(Storage, WqlQueries.Volumes).Select(CimRecords.Volume)],
            Pools = [.. Rows(Storage, WqlQueries.Pools).Select(CimRecords.Pool)],
            PhysicalDisks = LocalDisks.Select(_node, Rows(Storage, WqlQueries.StorageNodes), Rows(Storage, WqlQueries.NodeDisks), Rows(Storage, WqlQueries.PhysicalDisks)),
            VirtualMachines = [.. Rows(Virtualization, WqlQueries.VirtualMachines).Select(CimRecords.VirtualMachine)],
            NetAdapters = [.. Rows(StandardCimv2, WqlQueries.NetAdapters).Select(CimRecords.NetAdapter)],
        };
    }

    private List<ClusterResourceRecord> Witnesses()
    {
        var witnesses = Rows(Cluster, WqlQueries.Witnesses).Select(CimRecords.Witness).Where(w => w.Type is "Cloud Witness" or "File Share Witness").ToList();
        if (witnesses.Count == 0)
        {
            return witnesses;
        }

        var endpoints = Optional(Cluster, WqlQueries.WitnessEndpoints);
        return [.. witnesses.Select(w => CimRecords.WithEndpoint(w, endpoints.FirstOrDefault(e => string.Equals(e.Text("Name"), w.Name, StringComparison.OrdinalIgnoreCase))))];
    }

    // A tiered disk's resiliency is on its tiers: joined through the association, else by the "<disk>-<tier>" names.
    private List<VirtualDiskRecord> VirtualDisks()
    {
        var disks = Rows(Storage, WqlQueries.VirtualDisks);
        var tiers = Rows(Storage, WqlQueries.Tiers).ToDictionary(t => t.Text("ObjectId"), StringComparer.Ordinal);
        var links = Rows(Storage, WqlQueries.DiskTiers);
        return [.. disks.Select(d =>
        {
            var id = d.Text("ObjectId");
            var name = d.Text("FriendlyName");
            var linked = links.Where(l => l.Nested("VirtualDisk")?.Text("ObjectId") == id)
                .Select(l => tiers.GetValueOrDefault(l.Nested("StorageTier")?.Text("ObjectId") ?? string.Empty)).OfType<CimRow>().ToList();
            if (linked.Count == 0)
            {
                linked = [.. tiers.Values.Where(t => t.Text("FriendlyName").StartsWith(name + "-", StringComparison.OrdinalIgnoreCase))];
            }

            return CimRecords.VirtualDisk(d) with { Tiers = [.. linked.Select(CimRecords.Tier)] };
        })];
    }

    private IReadOnlyList<CimRow> Rows(string cimNamespace, string wql) => TryQuery(cimNamespace, wql) ?? [];

    // A feature most clusters do not install (Storage Replica): its missing namespace is not a failure worth logging.
    // Also the witness's endpoint: without it only the witness's round trip is missing.
    private IReadOnlyList<CimRow> Optional(string cimNamespace, string wql)
    {
        try
        {
            return _cim.Query(cimNamespace, wql);
        }
        catch (CimQueryException)
        {
            return [];
        }
    }

    private IReadOnlyList<CimRow>? TryQuery(string cimNamespace, string wql)
    {
        try
        {
            return _cim.Query(cimNamespace, wql);
        }
        catch (CimQueryException e)
        {
            _failures.Add(e.Message);
            return null;
        }
    }
}
