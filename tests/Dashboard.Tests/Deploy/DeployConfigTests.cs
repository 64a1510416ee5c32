using AzLocalMonitor.Dashboard.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Dashboard.Tests.Deploy;

/// <summary>deploy/prometheus and deploy/alertmanager: validated by the real tools when installed, and by content.</summary>
public class DeployConfigTests
{
    private const string Promtool = "/usr/bin/promtool";
    private const string Amtool = "/usr/bin/amtool";
    private static readonly string PrometheusConfig = Repo.Path("deploy", "prometheus", "prometheus.yml");
    private static readonly string PrometheusOnlyConfig = Repo.Path("deploy", "prometheus-only", "prometheus.yml");
    private static readonly string AlertmanagerConfig = Repo.Path("deploy", "alertmanager", "alertmanager.yml");

    [RequiresFileFact(Promtool)]
    public void PrometheusConfigs_PassPromtool()
    {
        foreach (var config in new[] { PrometheusConfig, PrometheusOnlyConfig })
        {
            var (exitCode, output) = ProcessRunner.Run(Promtool, "check", "config", config);

            Assert.True(exitCode == 0, output);
        }
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
    public void DefaultPrometheusConfig_ScrapesRulesEvery5s_AndNeitherEvaluatesNorSendsAlerts()
    {
        // Rules alerts in the default topology: a Prometheus that also ran the generated rules would page twice.
        var root = Load(PrometheusConfig);

        Assert.Equal("5s", RulesJob(root)["scrape_interval"].ToString());
        Assert.Contains("127.0.0.1:9480", Yaml(RulesJob(root)["static_configs"]));
        Assert.False(root.Children.ContainsKey("rule_files"), "deploy/prometheus/prometheus.yml must load no rules");
        Assert.False(root.Children.ContainsKey("alerting"), "deploy/prometheus/prometheus.yml must send to no Alertmanager");
        Assert.False(Directory.Exists(Repo.Path("deploy", "prometheus", "rules")), "no rules folder beside the default Prometheus");
    }

    [Fact]
    public void PrometheusOnlyConfig_LoadsTheGeneratedRulesAndAlertsToAlertmanager()
    {
        var root = Load(PrometheusOnlyConfig);

        Assert.Contains("127.0.0.1:9480", Yaml(RulesJob(root)["static_configs"]));
        Assert.Contains("127.0.0.1:9093", Yaml(root["alerting"]));
        Assert.Equal("[rules/*.yml]", Yaml(root["rule_files"]));
        Assert.True(File.Exists(Repo.Path("deploy", "prometheus-only", "rules", "azlocal.rules.yml")));
    }

    [Fact]
    public void AlertmanagerConfig_ShipsPlaceholderReceiversThatDeliverNowhere()
    {
        var receivers = ((YamlSequenceNode)Load(AlertmanagerConfig)["receivers"]).Cast<YamlMappingNode>().ToList();
        var urls = receivers.SelectMany(r => ((YamlSequenceNode)r["webhook_configs"]).Cast<YamlMappingNode>().Select(w => w["url"].ToString())).ToList();

        Assert.Equal(3, urls.Count);
        // .invalid never resolves (RFC 6761): used as shipped, delivery fails loudly instead of reaching some loopback port.
        Assert.All(urls, url => Assert.Equal("replace-me.invalid", new Uri(url).Host));
    }

    private static YamlMappingNode RulesJob(YamlMappingNode root) =>
        ((YamlSequenceNode)root["scrape_configs"]).Cast<YamlMappingNode>().Single(j => j["job_name"].ToString() == "azlocalmonitor-rules");

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
