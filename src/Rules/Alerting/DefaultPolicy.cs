using AzLocalMonitor.Rules.Alerting.Conditions;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// The critical alerts of the module's policy (PRODUCT.md §4) with their default <c>for</c>. Runbooks follow the
/// module's method: collect information, isolate (node, storage, network or VM; quorum; pool health), apply the fix.
/// </summary>
public static class DefaultPolicy
{
    public const string QuorumLost = "AzLocalQuorumLost";
    public const string NodeDown = "AzLocalNodeDown";
    public const string StorageDegraded = "AzLocalStorageDegraded";

    /// <summary>The rules Rules evaluates by default.</summary>
    public static IReadOnlyList<AlertingRule> Create() =>
    [
        new(
            new AlertRuleDefinition(
                QuorumLost, "critical", TimeSpan.Zero, TimeSpan.Zero,
                "Cluster {cluster} has lost quorum",
                "The failover cluster {cluster} reports that it no longer has quorum ({votes}). Clustered roles, VMs and CSVs are offline until quorum returns.",
                "Collect: Get-ClusterNode and Get-ClusterQuorum on a reachable node; check the witness (Get-ClusterResource 'Cloud Witness'). " +
                "Isolate: which nodes are down or partitioned (management/cluster network), whether the witness is reachable. " +
                "Apply: bring nodes back or restore network connectivity; as a last resort force quorum (Start-ClusterNode -FixQuorum) on the side with the latest data."),
            new QuorumLostCondition()),
        new(
            new AlertRuleDefinition(
                NodeDown, "critical", TimeSpan.FromSeconds(30), TimeSpan.Zero,
                "Node {node} of cluster {cluster} is down",
                "Node {node} is down: {reason}. Its VMs fail over to the surviving nodes and S2D volumes lose a copy until it returns.",
                "Collect: Get-ClusterNode, Get-ClusterLog -TimeSpan 15 and the node's System event log (iDRAC/iLO console if unreachable). " +
                "Isolate: power or hardware (BMC), OS (bugcheck), or network (management and cluster networks from peers). " +
                "Apply: restore the node and Start-ClusterNode; watch Get-StorageJob until the resync completes."),
            new NodeDownCondition()),
        new(
            new AlertRuleDefinition(
                StorageDegraded, "critical", TimeSpan.FromMinutes(1), TimeSpan.Zero,
                "Storage {subject} of cluster {cluster} is degraded",
                "S2D reports {subject} as {reason}. Data has fewer copies than its resiliency requires; another failure may take it offline.",
                "Collect: Get-VirtualDisk, Get-StoragePool -IsPrimordial $false, Get-StorageJob, Get-PhysicalDisk | ? HealthStatus -ne Healthy, Get-HealthFault. " +
                "Isolate: a node away (expected while it is down), a failed or retired physical disk, or the pool out of reserve. " +
                "Apply: return the node or replace the disk; let the repair job finish; Repair-VirtualDisk if it does not start."),
            new StorageDegradedCondition()),
    ];
}
