using AzLocalMonitor.Collector.Tests.Sources.Windows;

namespace AzLocalMonitor.Collector.Tests.Docs;

/// <summary>docs/reference/configuration-agent.md is what the agent's code says (drift test).</summary>
public class AgentConfigurationReferenceTests
{
    [Fact]
    public void AgentConfigurationReference_IsWhatTheCodeSays()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "reference", "configuration-agent.md");
        var expected = AgentConfigurationWriter.Write();
        if (Environment.GetEnvironmentVariable("AZLM_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            $"{path} is stale: run AZLM_UPDATE_GENERATED=1 dotnet test tests/Collector.Tests --filter AgentConfiguration");
    }

    [Fact]
    public void EveryKey_HasAnOptionOrAnEntry_AndNoEntryIsStale()
    {
        var keys = AgentConfigurationWriter.Keys();

        Assert.Contains("Collector:Interval", keys);
        Assert.All(AgentConfigurationWriter.WithoutOption.Keys, k => Assert.Contains(k, keys));
        Assert.All(keys, k => Assert.Contains($"| `{k}` |", AgentConfigurationWriter.Write(), StringComparison.Ordinal));
    }
}
