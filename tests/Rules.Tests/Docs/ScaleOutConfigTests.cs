using AzLocalMonitor.Rules.Configuration;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Rules.Tests.Docs;

/// <summary>The ready configs of docs/scale-out.md bind and validate as Rules reads them.</summary>
public class ScaleOutConfigTests
{
    private static IConfiguration Load(params string[] path) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine([RepoRoot.Path, "deploy", .. path]), optional: false).Build();

    [Fact]
    public void HaReplica_SendsToBothAlertmanagers()
    {
        var alertmanager = Load("ha", "rules-replica.json").GetSection(AlertmanagerOptions.Section).Get<AlertmanagerOptions>()!;

        Assert.True(new RulesOptionsValidator().Validate(null, alertmanager).Succeeded);
        Assert.Equal(2, alertmanager.AllUrls().Count);
    }

    [Theory]
    [InlineData("rules-shard-east.json", "east-1", "west-1")]
    [InlineData("rules-shard-west.json", "west-berlin", "east-1")]
    public void Shard_OwnsItsClustersOnly(string file, string owned, string foreign)
    {
        var config = Load("shards", file);
        var shard = config.GetSection(ShardOptions.Section).Get<ShardOptions>()!;
        var alertmanager = config.GetSection(AlertmanagerOptions.Section).Get<AlertmanagerOptions>()!;

        Assert.True(shard.Scope().Allows(owned));
        Assert.False(shard.Scope().Allows(foreign));
        Assert.True(new RulesOptionsValidator().Validate(null, alertmanager).Succeeded);
    }
}
