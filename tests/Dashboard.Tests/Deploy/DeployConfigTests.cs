using AzLocalMonitor.Dashboard.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Dashboard.Tests.Deploy;

/// <summary>deploy/prometheus and deploy/alertmanager: validated by the real tools when installed, and by content.</summary>
public class DeployConfigTests
{
    private const string Promtool = "/usr/bin/promtool";
    private const string Amtool = "/usr/bin/amtool";
    private static readonly string PrometheusConfig = Repo.Path("deploy", "prometheus", "prometheus.yml");
    private static readonly string AlertmanagerConfig = Repo.Path("deploy", "alertmanager", "alertmanager.yml");

    [RequiresFileFact(Promtool)]
    public void PrometheusConfig_PassesPromtool()
    {
        var (exitCode, output) = ProcessRunner.Run(Promtool, "check", "config", PrometheusConfig);

        Assert.True(exitCode == 0, output);
    }

    [RequiresFileFact(Amtool)]
    public void AlertmanagerConfig_PassesAmtool()
    {
        var (exitCode, output) = ProcessRunner.Run(Amtool, "check-config", AlertmanagerConfig);

        Assert.True(exitCode == 0, output);
    }

    [RequiresFileFact(Amtool)]
    public void AlertmanagerConfig_RoutesBySeverity()
    {
        foreach (var (severity, receiver) in new[] { ("critical", "pager"), ("warning", "chat"), ("info", "log") })
        {
            var (exitCode, output) = ProcessRunner.Run(Amtool, "config", "routes", "test", "--config.file=" + AlertmanagerConfig,
                "alertname=AzLocalNodeDown", "cluster=c1", "severity=" + severity);

            Assert.True(exitCode == 0, output);
            Assert.Equal(receiver, output.Split('\n')[0].Trim());
        }
    }

    [Fact]
    public void PrometheusConfig_ScrapesRulesEvery5sAndAlertsToAlertmanager()
    {
        var root = Load(PrometheusConfig);
        var job = ((YamlSequenceNode)root["scrape_configs"]).Cast<YamlMappingNode>()
            .Single(j => j["job_name"].ToString() == "azlocalmonitor-rules");

        Assert.Equal("5s", job["scrape_interval"].ToString());
        Assert.Contains("127.0.0.1:9480", Yaml(job["static_configs"]));
        Assert.Contains("127.0.0.1:9093", Yaml(root["alerting"]));
        Assert.Contains("rules/*.yml", Yaml(root["rule_files"]));
        Assert.True(File.Exists(Repo.Path("deploy", "prometheus", "rules", ".gitkeep")));
    }

    [Fact]
    public void AlertmanagerConfig_InhibitsAsTheAlertingPolicySays()
    {
        var rules = ((YamlSequenceNode)Load(AlertmanagerConfig)["inhibit_rules"]).Cast<YamlMappingNode>().Select(Yaml).ToList();

        Assert.Contains(rules, r => r.Contains("alertname=\"AzLocalQuorumLost\"", StringComparison.Ordinal)
            && r.Contains("alertname!=\"AzLocalQuorumLost\"", StringComparison.Ordinal) && r.Contains("[cluster]", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Contains("alertname=\"AzLocalNodeDown\"", StringComparison.Ordinal)
            && r.Contains("[cluster, node]", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.Contains("AzLocalStorageDegraded|AzLocalRebuildInProgress", StringComparison.Ordinal)
            && r.Contains("[cluster]", StringComparison.Ordinal));
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>A node's flattened text (keys, values, sequences as [a, b]) for content checks.</summary>
    private static string Yaml(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode q => "[" + string.Join(", ", q.Select(Yaml)) + "]",
        YamlMappingNode m => "{" + string.Join(", ", m.Select(kv => Yaml(kv.Key) + ": " + Yaml(kv.Value))) + "}",
        _ => "",
    };
}
