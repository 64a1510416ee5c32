using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Tests.Building;

public class DashboardBuilderTests
{
    private static PanelBuilder Stat(string title) => Panels.Stat(title).Query(Queries.Instant("vector(1)"));

    private static DashboardBuilder Minimal() => new DashboardBuilder("test-uid", "Test").Variable(Variables.Datasource());

    [Fact]
    public void Build_ValidDashboard_LaysOutRowsAndPanelsWithSequentialIds()
    {
        var result = Minimal()
            .Row("First")
            .Panels(Stat("a").Size(12, 4), Stat("b").Size(12, 4), Stat("c").Size(6, 3))
            .Row("Second")
            .Panel(Stat("d"))
            .Build();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var panels = result.Dashboard!.Panels;
        Assert.Equal([1, 2, 3, 4, 5, 6], panels.Select(p => p.Id));
        Assert.Equal(new GridPos(1, 24, 0, 0), panels[0].GridPos);
        Assert.Equal(new GridPos(4, 12, 0, 1), panels[1].GridPos);
        Assert.Equal(new GridPos(4, 12, 12, 1), panels[2].GridPos);
        Assert.Equal(new GridPos(3, 6, 0, 5), panels[3].GridPos);
        Assert.Equal(new GridPos(1, 24, 0, 8), panels[4].GridPos);
        Assert.Equal(new GridPos(4, 4, 0, 9), panels[5].GridPos);
    }

    [Fact]
    public void Build_SeveralProblems_ReportsAllWithoutThrowing()
    {
        var builder = Minimal()
            .Variable(Variables.Datasource())
            .Panel(Panels.Stat("too wide").Size(30, 4).Query(Queries.Instant("vector(1)")))
            .Panel(Panels.Stat("empty query").Query(Queries.Instant(" ")))
            .Panel(Panels.Stat("no query"));

        var result = builder.Build();

        Assert.False(result.IsSuccess);
        Assert.Null(result.Dashboard);
        Assert.Contains(result.Errors, e => e.Contains("variable 'datasource' is defined twice", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'too wide': width 30", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'empty query'", StringComparison.Ordinal) && e.Contains("empty expression", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("'no query': no query", StringComparison.Ordinal));
        var thrown = Assert.Throws<InvalidOperationException>(() => result.GetOrThrow());
        Assert.Contains("too wide", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExplicitIds_AutomaticIdsSkipThem()
    {
        var result = Minimal().Panels(Stat("auto 1"), Stat("fixed").Id(1), Stat("auto 2")).Build();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal([2, 1, 3], result.Dashboard!.Panels.Select(p => p.Id));
    }

    [Fact]
    public void Build_DuplicateExplicitIds_IsAnError()
    {
        var result = Minimal().Panels(Stat("a").Id(7), Stat("b").Id(7)).Build();

        Assert.Contains(result.Errors, e => e.Contains("panel id 7 is used by 'a', 'b'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_QueriesGetRefIdsAndTheDatasourceVariable()
    {
        var panel = Minimal()
            .Panel(Panels.TimeSeries("t").Query(Queries.Range("vector(1)", "{{a}}")).Query(Queries.Table("vector(2)")))
            .Build().GetOrThrow().Panels.Single();

        Assert.Equal(["A", "B"], panel.Targets!.Select(t => t.RefId));
        Assert.All(panel.Targets!, t => Assert.Equal("${datasource}", t.Datasource.Uid));
        Assert.False(panel.Targets![0].Instant);
        Assert.Equal("{{a}}", panel.Targets[0].LegendFormat);
        Assert.Equal("table", panel.Targets[1].Format);
        Assert.True(panel.Targets[1].Instant);
    }

    [Fact]
    public void Build_PinnedPanel_LaterAutomaticPanelsGoBelowIt()
    {
        var result = Minimal().Panel(Stat("pinned").Size(6, 5).At(18, 0)).Panel(Stat("auto")).Build();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(new GridPos(4, 4, 0, 5), result.Dashboard!.Panels[1].GridPos);
    }

    [Fact]
    public void Thresholds_NotAscending_IsAnError()
    {
        var result = Minimal()
            .Panel(Stat("t").Thresholds(PanelBuilder.ThresholdsOf("green", ("red", 0.9), ("orange", 0.8))))
            .Build();

        Assert.Contains(result.Errors, e => e.Contains("not ascending", StringComparison.Ordinal));
    }
}
