using AzLocalMonitor.Collector.Sources.Windows.Probes;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows.Probes;

/// <summary>
/// Node → site from MSCluster_Node.FaultDomain (string[]: learn.microsoft.com/previous-versions/windows/desktop/cluswmi/mscluster-node,
/// node common property FaultDomain: .../mscs/nodes-faultdomain). The "Site:&lt;name&gt;" element is what Microsoft's MSLab
/// stretched-cluster script matches (see the lab test below); no captured output shows the whole array; site names Site1/Site2 as in Microsoft's stretched-cluster example
/// (New-ClusterFaultDomain -Type Site -Name Site1, azure-stack-docs create-cluster-powershell). State 0 Up, 1 Down,
/// 2 Paused from the MSCluster_Node documentation.
/// </summary>
public class SiteTargetsTests
{
    [Theory]
    [InlineData(new[] { "Site:Site1" }, "Site1")]
    [InlineData(new[] { "Node:n1", "Rack:R1", "Site:Site2" }, "Site2")]
    [InlineData(new[] { "site: Site3 " }, "Site3")]
    [InlineData(new[] { "Rack:R1" }, null)]
    [InlineData(new[] { "Site:" }, null)]
    [InlineData(new string[0], null)]
    public void SiteOf_ReadsTheSiteElement(string[] faultDomain, string? expected) =>
        Assert.Equal(expected, SiteTargets.SiteOf(new ClusterNodeRecord { Name = "n1", FaultDomain = faultDomain }));

    [Fact]
    public void For_TimesTheFirstRunningNodeOfEachOtherSite_OnSmb()
    {
        var nodes = new[]
        {
            Node("n1", 0, "Site1"), Node("n2", 0, "Site1"),
            Node("n3", 1, "Site2"), // down: not a target
            Node("n4", 2, "Site2"), // paused: still running
            Node("n5", 0, "Site2"),
            Node("n6", 0, "Site3"),
        };

        Assert.Equal(
            [("Site1", "Site2", new ProbeTarget("n4", 445)), ("Site1", "Site3", new ProbeTarget("n6", 445))],
            SiteTargets.For(nodes, "n2"));
    }

    [Fact]
    public void For_NothingWhenTheOtherSiteIsDown_OrThisNodeHasNoSite_OrThereIsOneSite()
    {
        Assert.Empty(SiteTargets.For([Node("n1", 0, "Site1"), Node("n2", 1, "Site2")], "n1"));
        Assert.Empty(SiteTargets.For([Node("n1", 0, null), Node("n2", 0, "Site2")], "n1"));
        Assert.Empty(SiteTargets.For([Node("n1", 0, "Site1"), Node("n2", 0, "Site1")], "n1"));
    }

    /// <summary>
    /// Microsoft's MSLab stretched-cluster scenario (microsoft/MSLab, Scenarios/AzSHCI and Stretch Cluster/Scenario.ps1, region
    /// "Enable SR for volumes") picks a node of each site with <c>Get-ClusterNode | Where-Object FaultDomain -Contains
    /// "Site:$site"</c>, the site names being the StorageSite fault domains' FriendlyName; its screenshots show that run's
    /// replication groups, and Cluadmin02.png the lab's nodes Site1AzSHCI1/2 in site Site1-Redmond, Site2AzSHCI1/2 in
    /// Site2-Seattle (sites assigned from AD sites, AutoAssignNodeSite 1). So a node's FaultDomain holds an element equal
    /// to "Site:" and the site's name; the other elements are not shown there, so none are given here.
    /// </summary>
    [Fact]
    public void For_TheSiteElementAsMicrosoftsStretchedClusterLabMatchesIt()
    {
        var nodes = new[] { Lab("Site1AzSHCI1", "Site1-Redmond"), Lab("Site1AzSHCI2", "Site1-Redmond"), Lab("Site2AzSHCI1", "Site2-Seattle"), Lab("Site2AzSHCI2", "Site2-Seattle") };

        Assert.Equal([("Site1-Redmond", "Site2-Seattle", new ProbeTarget("Site2AzSHCI1", 445))], SiteTargets.For(nodes, "Site1AzSHCI2"));

        static ClusterNodeRecord Lab(string name, string site) => new() { Name = name, State = 0, FaultDomain = [$"Site:{site}"] };
    }

    [Fact]
    public void For_MatchesThisNodeByItsShortName() =>
        Assert.Single(SiteTargets.For([Node("n1", 0, "Site1"), Node("n2", 0, "Site2")], "N1.contoso.lab"));

    private static ClusterNodeRecord Node(string name, int state, string? site) =>
        new() { Name = name, State = state, FaultDomain = site is null ? [] : [$"Site:{site}"] };
}
