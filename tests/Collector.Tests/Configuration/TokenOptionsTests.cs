using AzLocalMonitor.Collector.Configuration;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Tests.Configuration;

/// <summary>The agent's Rules token comes from a file or the environment, goes only to Rules, and never from the command line.</summary>
public class TokenOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ATokenFile_IsSentToRulesAsBearer_AndNotToTheSecondDestination()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "s3cret-token-0123456789\n");

        var options = OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.Rules, "http://rules:9480"), (ConfigurationKeys.TokenFile, file),
            (ConfigurationKeys.OtlpEndpoint, "http://alloy:4318")));

        var rules = options.Destinations.Single(d => d.Name == "rules");
        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Bearer s3cret-token-0123456789"), rules.Headers);
        Assert.DoesNotContain(options.Destinations.Single(d => d.Name == "otlp").Headers, h => h.Key == "Authorization");
        Assert.DoesNotContain("s3cret", rules.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentToken_IsUsed_WhenThereIsNoFile()
    {
        var options = OptionsReader.Read(Config((ConfigurationKeys.Source, "linux"), (ConfigurationKeys.Token, "env-token-0123456789")));

        Assert.Contains(new KeyValuePair<string, string>("Authorization", "Bearer env-token-0123456789"), options.Destinations[0].Headers);
    }

    [Fact]
    public void AMissingOrEmptyTokenFile_IsAProblem()
    {
        var empty = Path.GetTempFileName();

        var error = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.TokenFile, empty))));
        var missing = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.TokenFile, "/nonexistent/azlm-token"))));

        Assert.Contains(error.Problems, p => p.Contains("is empty", StringComparison.Ordinal));
        Assert.Contains(missing.Problems, p => p.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCommandLine_HasATokenFileOption_ButNoTokenOption()
    {
        var command = new CollectorCommand();

        Assert.Contains(command.Root.Options, o => o.Name == "--token-file");
        Assert.DoesNotContain(command.Root.Options, o => o.Name is "--token" or "--Collector:Token");
    }
}
