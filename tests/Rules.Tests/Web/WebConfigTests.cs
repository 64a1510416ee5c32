using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Rules.Web;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Web;

/// <summary><c>Web:GrafanaUrl</c>: served to the page without its trailing slash; a URL the links could not use stops the start.</summary>
public class WebConfigTests
{
    [Fact]
    public async Task GrafanaUrl_IsServedToThePage()
    {
        await using var rules = await RunningRules.StartAsync("--Web:GrafanaUrl", "https://grafana.example.com/sub/");

        var json = await rules.Client.GetStringAsync(new Uri("/api/v1/web/config", UriKind.Relative));

        Assert.Equal("{\"grafanaUrl\":\"https://grafana.example.com/sub\"}", json);
    }

    [Fact]
    public async Task NoGrafanaUrl_MeansNoLinks()
    {
        await using var rules = await RunningRules.StartAsync();

        Assert.Equal("{\"grafanaUrl\":\"\"}", await rules.Client.GetStringAsync(new Uri("/api/v1/web/config", UriKind.Relative)));
    }

    [Theory]
    [InlineData("grafana.example.com")]
    [InlineData("ftp://grafana.example.com")]
    [InlineData("https://grafana.example.com/?orgId=1")]
    public async Task BadGrafanaUrl_StopsTheStart_SayingWhatIsWrong(string url)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RunningRules.StartAsync("--Web:GrafanaUrl", url));

        Assert.Contains("Web:GrafanaUrl", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new WebOptions { GrafanaUrl = url }.Validate());
    }
}
