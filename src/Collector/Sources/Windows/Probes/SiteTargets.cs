using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows.Probes;

/// <summary>
/// The sites of a stretched cluster from <c>MSCluster_Node.FaultDomain</c> (string[]; documented in the
/// MSCluster_Node MOF and as the node common property FaultDomain, CLUSREG_NAME_NODE_FAULT_DOMAIN), and for this
/// node one probe target per other site: the first member of that site (by name) that is Up or Paused, on
/// <see cref="Port"/>. The element naming the site is read as <c>Site:&lt;name&gt;</c> (the type, a colon, the fault
/// domain's name): Microsoft's MSLab stretched-cluster scenario finds a site's nodes with
/// <c>Get-ClusterNode | Where-Object FaultDomain -Contains "Site:$site"</c> (a working script, not a captured output; that
/// WMI's MSCluster_Node gives the same strings as the cmdlet is assumed). A node whose FaultDomain has no such element has
/// no site, and no inter-site round trip is measured (the series stays absent rather than guessed).
/// </summary>
internal static class SiteTargets
{
    /// <summary>
    /// SMB: every Azure Local node listens on 445 (CSV redirected I/O, SMB live migration), and a stretched cluster's
    /// Storage Replica traffic is SMB, so the inter-site link lets 445 through; a TCP connect to it is one round trip
    /// to the node across that link, as <c>--peer host:445</c> is. Fixed, hence not configurable.
    /// </summary>
    public const int Port = 445;

    private const string SitePrefix = "Site:";

    /// <summary>The node's site, or null when its fault domains name none.</summary>
    public static string? SiteOf(ClusterNodeRecord node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.FaultDomain
            .Select(d => d.Trim())
            .Where(d => d.StartsWith(SitePrefix, StringComparison.OrdinalIgnoreCase) && d.Length > SitePrefix.Length)
            .Select(d => d[SitePrefix.Length..].Trim())
            .FirstOrDefault(d => d.Length > 0);
    }

    /// <summary>
    /// (this node's site, other site, the node to time) for every other site that has a member up; empty when this
    /// node has no site or the cluster has one. A site with no member up gets no target: its link cannot be timed.
    /// </summary>
    public static IReadOnlyList<(string Site, string PeerSite, ProbeTarget Target)> For(IReadOnlyList<ClusterNodeRecord> nodes, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var self = nodes.FirstOrDefault(n => NodeNames.Same(n.Name, reportingNode));
        if (self is null || SiteOf(self) is not { } site)
        {
            return [];
        }

        return [.. nodes
            .Where(n => n.State is 0 or 2) // MSCluster_Node.State 0 Up, 2 Paused: running, reachable
            .Select(n => (Node: n, Site: SiteOf(n)))
            .Where(n => n.Site is not null && !string.Equals(n.Site, site, StringComparison.OrdinalIgnoreCase))
            .GroupBy(n => n.Site!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (site, g.Key, new ProbeTarget(g.Select(n => n.Node.Name).Order(StringComparer.OrdinalIgnoreCase).First(), Port)))];
    }
}
