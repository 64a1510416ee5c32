using AzLocalMonitor.Dashboard.Dashboards;
using AzLocalMonitor.Dashboard.Generation;
using AzLocalMonitor.Dashboard.Tests.Support;

namespace AzLocalMonitor.Dashboard.Tests.Generation;

public sealed class GeneratorTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("azlm-dash-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private IReadOnlyList<GeneratedFile> GenerateIntoTemp() =>
        Generator.Generate(Path.Combine(_temp, "dashboards"), Path.Combine(_temp, "provisioning"));

    [Fact]
    public void CheckedInFiles_MatchTheGenerator()
    {
        var files = Generator.Generate(Repo.Path("dashboards"), Repo.Path("deploy", "grafana", "provisioning"));

        var drift = Generator.Check(files).Concat(Generator.Stale(Repo.Path("dashboards"), files)).ToList();

        Assert.True(drift.Count == 0,
            "Generated files are out of date; run `dotnet run --project src/Dashboard` and commit:\n  " + string.Join("\n  ", drift));
    }

    [Fact]
    public void Generate_IsDeterministic_LfAndTrailingNewline()
    {
        var first = GenerateIntoTemp();
        var second = GenerateIntoTemp();

        Assert.Equal(first, second);
        Assert.Equal(DashboardCatalog.All.Count + 2, first.Count);
        Assert.All(first, f => Assert.EndsWith("\n", f.Content, StringComparison.Ordinal));
        Assert.All(first, f => Assert.DoesNotContain("\r", f.Content, StringComparison.Ordinal));
        Assert.All(first, f => Assert.False(f.Content.EndsWith("\n\n", StringComparison.Ordinal), f.Path));
    }

    [Fact]
    public void Write_ThenCheck_ReportsNothing_AndAnEditIsDetected()
    {
        var files = GenerateIntoTemp();
        Assert.Equal(files.Count, Generator.Write(files).Count);
        Assert.Empty(Generator.Check(files));
        Assert.Empty(Generator.Write(files));

        var edited = files[0].Path;
        File.AppendAllText(edited, " ");
        File.WriteAllText(Path.Combine(_temp, "dashboards", "old.json"), "{}");

        Assert.Equal([edited], Generator.Check(files));
        Assert.Single(Generator.Stale(Path.Combine(_temp, "dashboards"), files));
    }

    [Fact]
    public void RepositoryRoot_WalksUpToTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, RepositoryRoot.SolutionFile)));
        Assert.Null(RepositoryRoot.Find(_temp));
    }
}
