using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Factories;

namespace AzLocalMonitor.Dashboard.Tests.Building;

public class DashboardValidatorTests
{
    private static PanelBuilder Stat(string title, string expr = "vector(1)") => Panels.Stat(title).Query(Queries.Instant(expr));

    private static IReadOnlyList<string> Errors(DashboardBuilder builder) => builder.Build().Errors;

    private static DashboardBuilder Minimal(string uid = "ok-uid") => new DashboardBuilder(uid, "T").Variable(Variables.Datasource());

    [Theory]
    [InlineData(38, false)]
    [InlineData(39, true)]
    [InlineData(40, true)]
    [InlineData(41, true)]
    [InlineData(42, false)]
    public void SchemaVersion_OnlyRange39To41IsValid(int version, bool valid)
    {
        var errors = Errors(Minimal().SchemaVersion(version).Panel(Stat("s")));

        Assert.Equal(valid, !errors.Any(e => e.Contains("schemaVersion", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a-uid-that-is-much-longer-than-forty-characters")]
    public void Uid_MissingOrMalformed_IsAnError(string uid)
    {
        Assert.Contains(Errors(Minimal(uid).Panel(Stat("s"))), e => e.StartsWith("uid", StringComparison.Ordinal));
    }

    [Fact]
    public void Panel_WithoutDatasource_IsAnError()
    {
        Assert.Contains(Errors(Minimal().Panel(Stat("s").Datasource(null))), e => e.Contains("'s': no datasource", StringComparison.Ordinal));
    }

    [Fact]
    public void Panel_PinnedBeyondColumn24_IsGridOverflow()
    {
        var errors = Errors(Minimal().Panel(Stat("wide").Size(8, 4).At(20, 0)));

        Assert.Contains(errors, e => e.Contains("'wide'", StringComparison.Ordinal) && e.Contains("overflows", StringComparison.Ordinal));
    }

    [Fact]
    public void Panels_PinnedOnTheSameCells_Overlap()
    {
        var errors = Errors(Minimal().Panel(Stat("a").Size(8, 4).At(0, 0)).Panel(Stat("b").Size(8, 4).At(4, 2)));

        Assert.Contains(errors, e => e.Contains("'a' and 'b' overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_UsingUndefinedVariable_IsAnError()
    {
        var errors = Errors(Minimal().Panel(Stat("s", "up{cluster=~\"$cluster\"}")));

        Assert.Contains(errors, e => e.Contains("undefined variable $cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void Query_UsingDefinedAndBuiltInVariables_IsValid()
    {
        var builder = Minimal().Variable(Variables.Cluster()).Panel(Stat("s", "rate(up{cluster=~\"${cluster}\"}[$__rate_interval])"));

        Assert.Empty(Errors(builder));
    }
}
