using System.Text.Json;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>
/// Rules as a separate process (<c>dotnet AzLocalMonitor.Rules.dll</c>), so a test can SIGKILL it. The dll comes from
/// this test project's output (it references src/Rules) or src/Rules/bin.
/// </summary>
public sealed class RulesProcess : IAsyncDisposable
{
    private readonly ManagedProcess _process;

    private RulesProcess(ManagedProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output => _process.Output;

    public static async Task<RulesProcess> StartAsync(int port, string stateDirectory, params string[] args)
    {
        var dll = FindDll();
        string[] all =
        [
            dll, "--urls", $"http://127.0.0.1:{port}", "--State:Path", Path.Combine(stateDirectory, "rules.db"),
            "--Logging:LogLevel:Default", "Warning", "--Auth:Mode", "none", .. args,
        ];
        var process = ManagedProcess.Start("dotnet", all, workingDirectory: Path.GetDirectoryName(dll));
        var rules = new RulesProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient();
        await Poll.UntilAsync(
            async () => process.HasExited
                ? throw new InvalidOperationException("Rules exited: " + process.Output)
                : (await http.GetAsync(new Uri(rules.BaseAddress, "/healthz"))).IsSuccessStatusCode ? "up" : null,
            TimeSpan.FromSeconds(60), "Rules to answer /healthz", () => process.Output);
        return rules;
    }

    /// <summary>SIGKILL: no shutdown, no flush, connections dropped.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The points Rules holds for one series of <paramref name="metric"/> in <paramref name="cluster"/>: (Unix ms, value), oldest first.</summary>
    public async Task<IReadOnlyList<(long Time, double Value)>> PointsAsync(HttpClient http, string metric, string cluster)
    {
        ArgumentNullException.ThrowIfNull(http);
        var json = await http.GetStringAsync(new Uri(BaseAddress, $"/api/v1/series?metric={metric}&cluster={cluster}&points=100000"));
        using var doc = JsonDocument.Parse(json);
        var series = doc.RootElement.GetProperty("series");
        if (series.GetArrayLength() == 0)
        {
            return [];
        }

        return [.. series[0].GetProperty("points").EnumerateArray().Select(p => (p[0].GetInt64(), p[1].GetDouble()))];
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    private static string FindDll()
    {
        const string name = "AzLocalMonitor.Rules.dll";
        var beside = Path.Combine(AppContext.BaseDirectory, name);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Parent?.Name ?? "Debug";
        var built = Path.Combine(Binaries.RepositoryRoot, "src", "Rules", "bin", configuration, "net10.0", name);
        return File.Exists(built) ? built : throw new InvalidOperationException($"{name} not found beside the tests or at {built}.");
    }
}
