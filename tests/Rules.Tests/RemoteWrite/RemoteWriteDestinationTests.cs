using AzLocalMonitor.Rules.RemoteWrite;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Rules.Tests.RemoteWrite;

public sealed class RemoteWriteDestinationTests
{
    [Fact]
    public void UrlAndTheList_WithSharedAndPerDestinationCredentials()
    {
        var errors = new List<string>();
        var destinations = RemoteWriteDestination.From(Config(
            ("RemoteWrite:Url", "http://127.0.0.1:8428/api/v1/write"),
            ("RemoteWrite:BearerToken", "shared"),
            ("RemoteWrite:Urls:0", "http://mimir:8080/api/v1/push"),
            ("RemoteWrite:Urls:1:Url", "https://thanos:19291/api/v1/receive"),
            ("RemoteWrite:Urls:1:BasicAuth:Username", "u"),
            ("RemoteWrite:Urls:1:BasicAuth:Password", "p")), errors);

        Assert.Empty(errors);
        Assert.Equal(
            [("http://127.0.0.1:8428/api/v1/write", "shared", null, null), ("http://mimir:8080/api/v1/push", "shared", null, null), ("https://thanos:19291/api/v1/receive", null, "u", "p")],
            destinations.Select(d => (d.Url.ToString(), d.BearerToken, d.Username, d.Password)));
        Assert.Equal(3, destinations.Select(d => d.Id).Distinct().Count());
        Assert.DoesNotContain("shared", destinations[0].ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RemoteWrite:Url", "not a url", "is not an absolute http(s) URL")]
    [InlineData("RemoteWrite:Urls:0:BasicAuth:Username", "only-user", "BasicAuth needs both")]
    public void BadSettings_AreNamed(string key, string value, string message)
    {
        var errors = new List<string>();
        RemoteWriteDestination.From(Config(("RemoteWrite:Urls:0:Url", "http://127.0.0.1:1/w"), (key, value)), errors);

        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();
}
