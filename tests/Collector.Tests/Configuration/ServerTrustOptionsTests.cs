using AzLocalMonitor.Collector.Configuration;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Tests.Configuration;

/// <summary>--ca-file and --server-thumbprint are checked up front, with every problem listed.</summary>
public class ServerTrustOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AMissingCaFile_AndAThumbprintThatIsNotSha256_AreProblems()
    {
        var error = Assert.Throws<OptionsException>(() => OptionsReader.Read(Config(
            (ConfigurationKeys.Source, "linux"), (ConfigurationKeys.CaFile, "/nonexistent/ca.pem"), (ConfigurationKeys.ServerThumbprint, "ABCD"))));

        Assert.Contains(error.Problems, p => p.Contains("CA file '/nonexistent/ca.pem' does not exist", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("not a SHA-256 thumbprint", StringComparison.Ordinal));
    }

    [Fact]
    public void AThumbprintWithColons_IsAccepted()
    {
        var hex = string.Join(':', Enumerable.Repeat("AB", 32));

        var options = OptionsReader.Read(Config((ConfigurationKeys.Source, "linux"), (ConfigurationKeys.ServerThumbprint, hex)));

        Assert.Equal(string.Concat(Enumerable.Repeat("AB", 32)), options.ServerThumbprint);
    }
}
