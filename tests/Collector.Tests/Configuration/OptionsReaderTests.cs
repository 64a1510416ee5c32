using AzLocalMonitor.Collector.Configuration;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Tests.Configuration;

public class OptionsReaderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Read_OnlySource_UsesDefaults()
    {
        var options = OptionsReader.Read(Config((ConfigurationKeys.Source, "simulated")));

        Assert.Equal(SourceKind.Simulated, options.Source);
        Assert.Equal(new Uri("http://127.0.0.1:9480/v1/metrics"), options.MetricsEndpoint);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Interval);
        Assert.Equal(Environment.MachineName, options.Node);
        Assert.Null(options.Cluster);
    }

    [Fact]
    public void Read_OtlpEndpointVariable_IsABaseUrl()
    {
        var options = OptionsReader.Read(Config((ConfigurationKeys.Source, "linux"), (ConfigurationKeys.OtlpEndpoint, "http://collector:4318/")));

        Assert.Equal(new Uri("http://collector:4318/v1/metrics"), options.MetricsEndpoint);
    }

    [Fact]
    public void Read_RulesOption_WinsOverOtlpEndpoint()
    {
        var options = OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"),
            (ConfigurationKeys.OtlpEndpoint, "http://collector:4318"),
            (ConfigurationKeys.Rules, "http://rules:9480/base")));

        Assert.Equal(new Uri("http://rules:9480/base/v1/metrics"), options.MetricsEndpoint);
    }

    [Fact]
    public void Read_SeveralBadSettings_ListsEveryProblem()
    {
        var error = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "solaris"),
            (ConfigurationKeys.Rules, "not a url"),
            (ConfigurationKeys.Interval, "fast"),
            (ConfigurationKeys.TimeScale, "0"))));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("Unknown source 'solaris'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'not a url' is not an http", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Interval 'fast'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Time scale '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RulesWithSignalPath_AsksForTheBaseUrl()
    {
        var error = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.Rules, "http://127.0.0.1:9480/v1/metrics"))));

        Assert.Contains("/v1/metrics is appended", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScenarioWithLinuxSource_IsAnError()
    {
        var error = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.Scenario, "x.yaml"))));

        Assert.Contains("--scenario only applies to the simulated source", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
