namespace AzLocalMonitor.Collector.Tests;

public sealed class CollectorAppTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-app-").FullName;

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<int> Run(params string[] args) => CollectorApp.RunAsync(args, _output, _error, CancellationToken.None);

    [Fact]
    public async Task Help_ListsOptionsDefaultsAndExamples()
    {
        Assert.Equal(ExitCodes.Success, await Run("--help"));

        var help = _output.ToString();
        foreach (var expected in new[] { "--source", "--rules", "--cluster", "--node", "--interval", "--scenario", "--time-scale", "--once", "Default: 10s", "Examples:", "OTEL_EXPORTER_OTLP_ENDPOINT", "Exit codes" })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoSource_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--rules", "http://127.0.0.1:1"));
        Assert.Contains("--source", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSource_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--source", "solaris"));
        Assert.Contains("Unknown source 'solaris'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--source", "linux", "--frobnicate"));
        Assert.Contains("--frobnicate", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRulesUrl_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--source", "linux", "--rules", "127.0.0.1:9480"));
        Assert.Contains("is not an http:// or https:// URL", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingScenario_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--source", "simulated", "--scenario", Path.Combine(_dir, "missing.yaml")));
        Assert.Contains("Scenario file not found", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedScenario_ErrorNamesFileAndLine()
    {
        var path = Path.Combine(_dir, "broken.yaml");
        await File.WriteAllTextAsync(path, "nodes: 3\nevents:\n  - at: 10s\n    node-down: [node-2\n");

        Assert.Equal(ExitCodes.Usage, await Run("--source", "simulated", "--scenario", path));
        Assert.Contains($"{path}:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("malformed YAML", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowsSourceOnLinux_SaysItNeedsWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(ExitCodes.Unavailable, await Run("--source", "windows"));
        Assert.Contains("needs Windows", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowsCaptureWithoutCapture_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("--source", "windows-capture"));
        Assert.Contains("--capture", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WindowsCaptureOfAFolderWithoutMeta_SaysWhatACaptureIs()
    {
        Assert.Equal(ExitCodes.Unavailable, await Run("--source", "windows-capture", "--capture", _dir));
        Assert.Contains("Save-AzLocalCapture.ps1", _error.ToString(), StringComparison.Ordinal);
    }
}
