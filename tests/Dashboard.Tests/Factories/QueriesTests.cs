using AzLocalMonitor.Dashboard.Factories;

namespace AzLocalMonitor.Dashboard.Tests.Factories;

public class QueriesTests
{
    [Fact]
    public void Substitute_ReplacesBothVariableForms_DefaultMatchesEverything()
    {
        var expr = "up{cluster=~\"$cluster\", node=~\"${node}\", resource=~\"$resource\"}";

        Assert.Equal("up{cluster=~\".*\", node=~\".*\", resource=~\".*\"}", Queries.Substitute(expr));
        Assert.Equal("up{cluster=~\"c1\", node=~\".*\", resource=~\".*\"}",
            Queries.Substitute(expr, new Dictionary<string, string> { ["cluster"] = "c1" }));
    }

    [Fact]
    public void StateCode_MultipliesEachStateByItsIndexAndKeepsTheMaximum()
    {
        var expr = Queries.StateCode("m", "a=\"b\"", ["up", "down"]);

        Assert.Equal("max by (cluster, node) (0 * m{a=\"b\", state=\"up\"} or 1 * m{a=\"b\", state=\"down\"})", expr);
    }

    [Fact]
    public void NodeStateCode_CodesMatchTheMappingOrder()
    {
        var expr = Queries.NodeStateCode(Queries.ClusterNode);

        Assert.Contains("1 * azlocal_node_state{cluster=~\"$cluster\", node=~\"$node\", state=\"down\"}", expr, StringComparison.Ordinal);
        Assert.Equal("down", Mappings.NodeStateCodes().Options["1"].Text);
        Assert.Equal("red", Mappings.NodeStateCodes().Options["1"].Color);
    }
}
