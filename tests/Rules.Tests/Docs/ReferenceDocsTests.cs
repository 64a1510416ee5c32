using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Docs;

/// <summary>The user reference in docs/reference is what the catalog and the shipped policy say (drift test).</summary>
public class ReferenceDocsTests
{
    [Fact]
    public void MetricReference_IsWhatTheCatalogSays() => Check("metrics.md", ReferenceWriter.Metrics());

    [Fact]
    public void AlertReference_IsWhatTheShippedPolicySays() => Check("alerts.md", ReferenceWriter.Alerts(DefaultPolicy.Load()));

    [Fact]
    public void MetricSources_CoverTheCatalogExactly()
    {
        Assert.Equal(
            MetricCatalog.All.Select(m => m.Instrument).Order(StringComparer.Ordinal),
            MetricSources.ByInstrument.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AlertReference_NamesEveryAlertOfTheContract()
    {
        // The alert names are a contract (docs/reference/alerts.md): every one is documented for users.
        string[] contract =
        [
            "AzLocalQuorumLost", "AzLocalNodeDown", "AzLocalStorageDegraded", "AzLocalPhysicalDiskFailed", "AzLocalQuorumAtRisk",
            "AzLocalRebuildInProgress", "AzLocalRebuildSlow", "AzLocalCpuHigh", "AzLocalMemoryHigh", "AzLocalVolumeCapacityHigh",
            "AzLocalReserveCapacityLow", "AzLocalNetworkLatencyHigh", "AzLocalStorageLatencyHigh", "AzLocalCacheHitRatioLow",
            "AzLocalCapacityForecast", "AzLocalNodeMaintenance", "AzLocalMaintenanceWindow", "AzLocalTelemetryLost",
        ];
        var text = ReferenceWriter.Alerts(DefaultPolicy.Load());

        Assert.All(contract, name => Assert.Contains($"| {name} |", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigurationReference_IsWhatTheOptionsAndValidatorsSay()
    {
        await using var app = BuildRules();
        Check("configuration-rules.md", ConfigurationWriter.Rules(app.Services));
    }

    [Fact]
    public async Task ConfigurationReference_HasEveryKeyTheCodeReads()
    {
        // Independent of the writer's table layout: every options property (found by reflection here) is a row.
        await using var app = BuildRules();
        var page = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "reference", "configuration-rules.md"));
        var keys = ConfigurationWriter.Keys(app.Services).ToList();

        Assert.Contains("Alertmanager:Url", keys);
        Assert.Contains("Otel:Endpoint", keys);
        Assert.Contains("History:Retention:Hour", keys);
        Assert.Contains("Auth:Tokens:<name>:Roles", keys);
        Assert.All(keys, key => Assert.Contains($"| `{key}` |", page, StringComparison.Ordinal));
    }

    private static Microsoft.AspNetCore.Builder.WebApplication BuildRules()
    {
        var directory = Directory.CreateTempSubdirectory("azlm-config-doc-").FullName;
        return RulesApp.Build(["--Auth:Mode", "none", "--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db")]);
    }

    private static void Check(string file, string expected)
    {
        var path = Path.Combine(RepoRoot.Path, "docs", "reference", file);
        if (Environment.GetEnvironmentVariable("AZLM_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            $"{path} is stale: run AZLM_UPDATE_GENERATED=1 dotnet test tests/Rules.Tests --filter ReferenceDocs");
    }
}
