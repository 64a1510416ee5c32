namespace AzLocalMonitor.Collector.Tests.Simulate;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-sim-cli-").FullName;

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<int> Run(params string[] args) => CollectorApp.RunAsync(args, _output, _error, CancellationToken.None);

    [Fact]
    public async Task Presets_ListsTheModulesPatternsAndCustomers()
    {
        Assert.Equal(0, await Run("simulate", "presets"));

        foreach (var name in new[] { "single-node", "two-node-witness", "three-node", "four-node", "manufacturing", "bank", "hospital", "research", "retail" })
        {
            Assert.Contains(name, _output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Describe_Manufacturing_PrintsCapacityAndLayout()
    {
        Assert.Equal(0, await Run("simulate", "describe", "manufacturing"));

        Assert.Contains("raw 9.6 TB (3 × 3.2 TB)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("critical-db", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Unknown_IsAUsageError()
    {
        Assert.Equal(2, await Run("simulate", "describe", "castle"));

        Assert.Contains("not found", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReportsEachFile_ErrorsWithFileAndLine()
    {
        var good = Path.Combine(_directory, "good.yaml");
        var bad = Path.Combine(_directory, "bad.yaml");
        await File.WriteAllTextAsync(good, "preset: three-node\nevents:\n  - at: 1m\n    drive-fail: node-1\n");
        await File.WriteAllTextAsync(bad, "preset: three-node\nevents:\n  - at: 1m\n    node-down: node-9\n");

        Assert.Equal(2, await Run("simulate", "validate", good, bad));

        Assert.Contains($"{good}: ok (preset three-node, 1 cluster(s), 3 nodes, 1 events)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{bad}:4:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown node 'node-9'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadAgentsOption_IsAUsageError()
    {
        Assert.Equal(2, await Run("simulate", "run", "three-node", "--agents", "some"));

        Assert.Contains("--agents 'some'", _error.ToString(), StringComparison.Ordinal);
    }
}
