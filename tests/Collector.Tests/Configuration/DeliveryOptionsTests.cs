using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Linux;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Tests.Configuration;

/// <summary>Destinations, spool, retry and peer settings.</summary>
public class DeliveryOptionsTests
{
    private static CollectorOptions Read(params (string Key, string Value)[] values) =>
        OptionsReader.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new(ConfigurationKeys.Source, "linux")))
            .Build());

    [Fact]
    public void RulesAndOtelEndpoint_TwoDestinations_HeadersOnTheOtlpOneOnly()
    {
        var options = Read(
            (ConfigurationKeys.Rules, "http://rules:9480"),
            (ConfigurationKeys.OtlpEndpoint, "https://otlp-gateway.grafana.net/otlp"),
            (ConfigurationKeys.OtlpHeaders, "Authorization=Basic%20abc%3D, X-Scope-OrgID=7"));

        Assert.Equal(["rules", "otlp"], options.Destinations.Select(d => d.Name));
        Assert.Equal(new Uri("http://rules:9480/v1/metrics"), options.Destinations[0].Endpoint);
        Assert.Empty(options.Destinations[0].Headers);
        Assert.Equal(new Uri("https://otlp-gateway.grafana.net/otlp/v1/metrics"), options.Destinations[1].Endpoint);
        Assert.Equal([new("Authorization", "Basic abc="), new("X-Scope-OrgID", "7")], options.Destinations[1].Headers);
    }

    [Fact]
    public void OnlyOtelEndpoint_IsRulesItself()
    {
        var options = Read((ConfigurationKeys.OtlpEndpoint, "http://alloy:4318"));

        Assert.Equal(new Uri("http://alloy:4318/v1/metrics"), Assert.Single(options.Destinations).Endpoint);
    }

    [Fact]
    public void MetricsEndpointVariable_IsUsedAsGiven()
    {
        var options = Read((ConfigurationKeys.Rules, "http://rules:9480"), (ConfigurationKeys.OtlpMetricsEndpoint, "http://alloy:4318/custom/path"));

        Assert.Equal(new Uri("http://alloy:4318/custom/path"), options.Destinations[1].Endpoint);
    }

    [Fact]
    public void DefaultSpool_DependsOnNodeAndDestinations()
    {
        var a = Read((ConfigurationKeys.Rules, "http://rules:9480"), (ConfigurationKeys.Node, "n1"));
        var b = Read((ConfigurationKeys.Rules, "http://rules:9481"), (ConfigurationKeys.Node, "n1"));
        var again = Read((ConfigurationKeys.Rules, "http://rules:9480"), (ConfigurationKeys.Node, "n1"));

        Assert.NotEqual(a.SpoolPath, b.SpoolPath);
        Assert.Equal(a.SpoolPath, again.SpoolPath);
        Assert.Equal("/x/spool", Read((ConfigurationKeys.Spool, "/x/spool")).SpoolPath);
    }

    [Fact]
    public void PeersSpoolLimitsAndRetry_AreRead()
    {
        var options = Read(
            ($"{ConfigurationKeys.Peers}:0", "storage=10.0.1.12:445"),
            ($"{ConfigurationKeys.Peers}:1", "management=node2"),
            (ConfigurationKeys.SpoolMaxBatches, "100"),
            (ConfigurationKeys.SpoolMaxBytes, "4096"),
            (ConfigurationKeys.RetryMaxDelay, "2s"));

        Assert.Equal([new PeerTarget("storage", "10.0.1.12", 445), new PeerTarget("management", "node2", null)], options.Peers);
        Assert.Equal(100, options.SpoolLimits.MaxBatches);
        Assert.Equal(4096, options.SpoolLimits.MaxBytes);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryMaxDelay);
    }

    [Fact]
    public void BadValues_AreAllReported()
    {
        var error = Assert.Throws<OptionsException>(() => Read(
            ($"{ConfigurationKeys.Peers}:0", "backup=10.0.0.1"),
            (ConfigurationKeys.SpoolMaxBatches, "-1"),
            (ConfigurationKeys.RetryMaxDelay, "1h"),
            (ConfigurationKeys.Rules, "http://rules:9480"),
            (ConfigurationKeys.OtlpHeaders, "novalue")));

        Assert.Equal(4, error.Problems.Count);
    }

    [Fact]
    public void RulesRepeated_OneDestinationPerReplica_NamedByAddress_EachWithTheToken()
    {
        var command = new CollectorCommand();
        var parsed = command.Root.Parse(["--source", "linux", "--rules", "http://rules-a:9480", "--rules", "https://rules-b:9443/azlm"]);
        var values = command.ToConfiguration(parsed).Where(kv => kv.Key != ConfigurationKeys.Source).Select(kv => (kv.Key, kv.Value!))
            .Append((ConfigurationKeys.Token, "s3cret")).ToArray();

        var options = Read(values);

        Assert.Equal(["rules-rules-a-9480", "rules-rules-b-9443-azlm"], options.Destinations.Select(d => d.Name));
        Assert.Equal([new Uri("http://rules-a:9480/v1/metrics"), new Uri("https://rules-b:9443/azlm/v1/metrics")], options.Destinations.Select(d => d.Endpoint));
        Assert.All(options.Destinations, d => Assert.Equal([new("Authorization", "Bearer s3cret")], d.Headers));
        Assert.Equal(new Uri("http://rules-a:9480"), options.RulesBaseUrl);
        Assert.Equal(2, options.RulesBaseUrls.Count);
    }

    [Fact]
    public void RulesList_FromAppsettings_IsReadToo_AndOneRulesKeepsItsOldName()
    {
        var options = Read(($"{ConfigurationKeys.Rules}:0", "http://rules-a:9480"), ($"{ConfigurationKeys.Rules}:1", "http://rules-b:9480"));
        var single = Read((ConfigurationKeys.Rules, "http://rules-a:9480"));

        Assert.Equal(["rules-rules-a-9480", "rules-rules-b-9480"], options.Destinations.Select(d => d.Name));
        Assert.Equal("rules", Assert.Single(single.Destinations).Name); // its spool cursor file is the one it always had
    }

    [Fact]
    public void RulesGivenTwice_OrOneBad_IsReported()
    {
        var error = Assert.Throws<OptionsException>(() => Read((ConfigurationKeys.Rules, "http://rules-a:9480,http://rules-a:9480/,rules-b:9480")));

        Assert.Contains(error.Problems, p => p.Contains("given twice", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'rules-b:9480' is not an http:// or https:// URL", StringComparison.Ordinal));
    }
}
