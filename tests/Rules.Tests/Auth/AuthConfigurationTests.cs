using AzLocalMonitor.Rules.Auth;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Auth;

/// <summary>Start-up refuses unsafe or malformed authentication settings, listing each bad key.</summary>
public class AuthConfigurationTests
{
    private static string[] State()
    {
        var directory = Directory.CreateTempSubdirectory("azlm-auth-").FullName;
        return ["--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db")];
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://192.0.2.10:0")]
    public void ModeNone_OnANonLoopbackAddress_DoesNotStart(string url)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => RulesApp.Build(["--urls", url, "--Auth:Mode", "none", .. State()]));

        Assert.Contains(ex.Failures, f => f.Contains("Auth:Mode=none is allowed only on loopback", StringComparison.Ordinal) && f.Contains(url, StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedTokens_AreListed()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => RulesApp.Build(
        [
            "--urls", "http://127.0.0.1:0", .. State(),
            "--Auth:Tokens:short:Secret", "abc", "--Auth:Tokens:short:Roles", "viewer",
            "--Auth:Tokens:odd:SecretSha256", "xyz", "--Auth:Tokens:odd:Roles", "root",
            "--Auth:Tokens:agent:Secret", "0123456789abcdef0", "--Auth:Tokens:agent:Roles", "ingest",
        ]));

        Assert.Contains(ex.Failures, f => f.StartsWith("Auth:Tokens:short:Secret must be at least 16", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Auth:Tokens:odd:SecretSha256 must be 64 hex digits", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("unknown role 'root'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Auth:Tokens:agent:Clusters is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9480", true)]
    [InlineData("https://[::1]:9480", true)]
    [InlineData("http://localhost:9480", true)]
    [InlineData("http://10.0.0.5:9480", false)]
    [InlineData("http://+:9480", false)]
    public void IsLoopback(string url, bool expected) => Assert.Equal(expected, AuthSetup.IsLoopback(url));

    [Theory]
    [InlineData("bank-*", "bank-a", true)]
    [InlineData("bank-*", "retail-1", false)]
    [InlineData("bank-a, hospital-?", "hospital-2", true)]
    [InlineData("bank-a", "Bank-A", false)]
    [InlineData("", "bank-a", false)]
    public void ClusterScope_MatchesNamesAndGlobs(string scope, string cluster, bool expected) =>
        Assert.Equal(expected, ClusterScope.Parse(scope).Allows(cluster));
}
