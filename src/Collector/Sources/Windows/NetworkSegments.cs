using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>
/// Which catalog network each "Network Adapter" counter instance carries, from the cluster's own view: the node's
/// MSCluster_NetworkInterface on a MSCluster_Network with Role 3/2 (client traffic) is management, Role 1 (cluster
/// only) is storage when the adapter does RDMA (an "RDMA Activity" instance) and cluster otherwise, Role 0 is
/// workload. Adapters the cluster does not list (the physical members of a SET switch, whose traffic the host vNICs
/// already count) are left out, so nothing is counted twice.
/// </summary>
internal static class NetworkSegments
{
    /// <summary>Counter instance name → network.</summary>
    public static IReadOnlyDictionary<string, string> Classify(WindowsSnapshot snapshot, string reportingNode, IEnumerable<string> rdmaInstances)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var roles = snapshot.Networks.ToDictionary(n => n.Name, n => n.Role, StringComparer.OrdinalIgnoreCase);
        var rdma = rdmaInstances.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var face in snapshot.NetworkInterfaces.Where(i => NodeNames.Same(i.Node, reportingNode)))
        {
            var adapter = snapshot.NetAdapters.FirstOrDefault(a => Matches(face, a));
            if (adapter is null || !roles.TryGetValue(face.Network, out var role))
            {
                continue;
            }

            var instance = CounterInstance(adapter.InterfaceDescription);
            result[instance] = role switch
            {
                2 or 3 => "management",
                1 => rdma.Contains(instance) ? "storage" : "cluster",
                _ => "workload",
            };
        }

        return result;
    }

    /// <summary>Perflib's instance name for a description: ( ) # / \ become [ ] _ _ _.</summary>
    public static string CounterInstance(string description) =>
        description.Replace('(', '[').Replace(')', ']').Replace('#', '_').Replace('/', '_').Replace('\\', '_');

    // AdapterId is the adapter's GUID; Adapter a name. Which name (connection or description) is not documented, so both.
    private static bool Matches(NetworkInterfaceRecord face, NetAdapterRecord adapter) =>
        (face.AdapterId is { Length: > 0 } id && string.Equals(id.Trim('{', '}'), adapter.DeviceId?.Trim('{', '}'), StringComparison.OrdinalIgnoreCase))
        || string.Equals(face.Adapter, adapter.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(face.Adapter, adapter.InterfaceDescription, StringComparison.OrdinalIgnoreCase);
}
