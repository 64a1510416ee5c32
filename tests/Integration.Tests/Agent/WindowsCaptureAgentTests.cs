using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>
/// The collector replaying a Windows node's capture folder (<c>--source windows-capture --once</c>) into Rules: Rules'
/// /metrics shows the cluster the capture describes. Expected lines are worked out by hand from the fixture values
/// (tests/Collector.Tests/Sources/Windows/Captures/README.md). The agent sends the repair job as attribute <c>job</c>;
/// Rules exposes it as <c>repair_job</c> (Prometheus owns <c>job</c>; docs/noc-and-dashboards.md).
/// </summary>
public sealed class WindowsCaptureAgentTests
{
    public static TheoryData<string, string[]> Captures() => new()
    {
        {
            "node-down-repair-suspended",
            [
                "azlocal_cluster_quorum{cluster=\"Contoso-cl\"} 1",
                "azlocal_cluster_votes_configured{cluster=\"Contoso-cl\"} 3",
                "azlocal_cluster_votes_present{cluster=\"Contoso-cl\"} 3",
                "azlocal_node_state{cluster=\"Contoso-cl\",node=\"contoso-n03\",state=\"down\"} 1",
                "azlocal_storage_repair_size_bytes{cluster=\"Contoso-cl\",repair_job=\"Infrastructure_1-Repair\",state=\"suspended\"} 9663676416",
                "azlocal_storage_repair_size_bytes{cluster=\"Contoso-cl\",repair_job=\"UserStorage_1-Repair\",state=\"suspended\"} 805306368",
                "azlocal_storage_volume_used_bytes{cluster=\"Contoso-cl\",resiliency=\"three_way_mirror\",volume=\"UserStorage_1\"} 2742483124224",
                "azlocal_storage_disk_count{cluster=\"Contoso-cl\",media=\"nvme\",node=\"contoso-n01\",state=\"healthy\",usage=\"capacity\"} 4",
                "azlocal_health_faults{cluster=\"Contoso-cl\",severity=\"warning\",type=\"Microsoft.Health.FaultType.PhysicalDisk.LostCommunication\"} 1",
                "azlocal_network_throughput_bytes_per_second{cluster=\"Contoso-cl\",direction=\"rx\",network=\"management\",node=\"contoso-n01\"} 1250000",
                "azlm_agent_cluster_queryable{cluster=\"Contoso-cl\",node=\"contoso-n01\"} 1",
            ]
        },
        {
            "hybrid-2node-cache-witness-failed",
            [
                "azlocal_cluster_witness_state{cluster=\"S2DclusterNew\",state=\"failed\",type=\"cloud\"} 1",
                "azlocal_cluster_votes_configured{cluster=\"S2DclusterNew\"} 1",
                "azlocal_storage_volume_size_bytes{cluster=\"S2DclusterNew\",resiliency=\"two_way_mirror\",volume=\"userdata01\"} 53687091200",
                "azlocal_storage_disk_count{cluster=\"S2DclusterNew\",media=\"ssd\",node=\"S2D-1\",state=\"healthy\",usage=\"cache\"} 2",
            ]
        },
        {
            "node-cluster-unreachable",
            [
                "azlocal_node_state{cluster=\"Contoso-cl\",node=\"contoso-n03\",state=\"unknown\"} 1",
                "azlm_agent_cluster_queryable{cluster=\"Contoso-cl\",node=\"contoso-n03\"} 0",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public async Task ReplayedCapture_RulesMetricsShowTheCapturedCluster(string capture, string[] expected)
    {
        var folder = Path.Combine(RepoRoot(), "tests", "Collector.Tests", "Sources", "Windows", "Captures", capture);
        var work = Directory.CreateTempSubdirectory("azlm-agent-capture-").FullName;
        await using var rules = await RulesServer.StartAsync(null);
        using var http = new HttpClient();
        var output = new StringWriter();

        var exit = await CollectorApp.RunAsync(
            ["--source", "windows-capture", "--capture", folder, "--once", "--rules", rules.BaseAddress.ToString(), "--spool", Path.Combine(work, "spool")],
            output, output, CancellationToken.None);

        Assert.True(exit == ExitCodes.Success, output.ToString());
        var lines = (await http.GetStringAsync(new Uri(rules.BaseAddress, "/metrics"))).Split('\n');
        Assert.All(expected, line => Assert.Contains(line, lines));
        if (capture == "node-cluster-unreachable")
        {
            Assert.DoesNotContain(lines, l => l.StartsWith("azlocal_cluster_quorum{", StringComparison.Ordinal));
        }

        Directory.Delete(work, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AzLocalMonitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
