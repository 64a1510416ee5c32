using System.Net.Http.Headers;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>
/// The real agent against the real Rules requiring tokens: with its token file, its cluster is stored; the same token
/// naming a cluster outside its scope stores nothing; the token never appears in the agent's output.
/// </summary>
public sealed class TokenAgentTests
{
    private const string AgentToken = "agent-token-for-integration-0123";
    private const string ViewerToken = "viewer-token-for-integration-0123";

    [Fact]
    public async Task AnAgentWithATokenFile_WritesItsCluster_AndNothingElse()
    {
        var work = Directory.CreateTempSubdirectory("azlm-agent-token-").FullName;
        var tokenFile = Path.Combine(work, "agent.token");
        await File.WriteAllTextAsync(tokenFile, AgentToken + "\n");
        await using var rules = await RulesServer.StartAsync(null,
            "--Auth:Mode", "tokens",
            "--Auth:Tokens:agents:Secret", AgentToken, "--Auth:Tokens:agents:Roles", "ingest", "--Auth:Tokens:agents:Clusters", "site-*",
            "--Auth:Tokens:noc:Secret", ViewerToken, "--Auth:Tokens:noc:Roles", "viewer");
        using var viewer = new HttpClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ViewerToken);
        var output = new StringWriter();

        foreach (var cluster in new[] { "site-1", "elsewhere" })
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var code = await CollectorApp.RunAsync(
                ["--source", "simulated", "--cluster", cluster, "--rules", rules.BaseAddress.ToString(), "--token-file", tokenFile,
                 "--once", "--spool", Path.Combine(work, "spool-" + cluster)],
                output, output, stop.Token);
            Assert.Equal(ExitCodes.Success, code);
        }

        var clusters = await viewer.GetStringAsync(new Uri(rules.BaseAddress, "/api/v1/clusters"));
        var metrics = await viewer.GetStringAsync(new Uri(rules.BaseAddress, "/metrics"));
        Assert.Contains("\"cluster\":\"site-1\"", clusters, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere", clusters, StringComparison.Ordinal);
        Assert.Matches("azlm_ingest_samples_rejected_total\\{reason=\"cluster_not_allowed\"\\} [1-9]", metrics);
        Assert.DoesNotContain(AgentToken, output.ToString(), StringComparison.Ordinal);
    }
}
