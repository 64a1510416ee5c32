using AzLocalMonitor.Rules.Kusto;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Kusto;

public sealed class KustoOptionsTests
{
    [Fact]
    public void HistorySourceKusto_WithoutACluster_StopsStartUpNamingTheKeys()
    {
        var error = Assert.Throws<OptionsValidationException>(() => RulesApp.Build(["--urls", "http://127.0.0.1:0", "--Auth:Mode", "none", "--Capacity:HistorySource", "kusto", "--Kusto:IngestMode", "queued"]));

        Assert.Contains(error.Failures, f => f.Contains("Kusto:ClusterUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Kusto:IngestMode", StringComparison.Ordinal));
    }

    [Fact]
    public void RemoteHistoryWithoutAQueryUrl_StopsStartUp()
    {
        var error = Assert.Throws<OptionsValidationException>(() => RulesApp.Build(["--urls", "http://127.0.0.1:0", "--Auth:Mode", "none", "--Capacity:HistorySource", "remote", "--RemoteWrite:Shards", "0"]));

        Assert.Contains(error.Failures, f => f.Contains("Capacity:HistoryQueryUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("RemoteWrite:Shards", StringComparison.Ordinal));
    }
}
