using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Auth;

/// <summary>
/// Rules started with tokens for every role, and clients for each. The secrets are made up here; the admin's is given
/// as its SHA-256 only, as a deployment should.
/// </summary>
internal static class TokenRules
{
    public const string AgentSecret = "agent-secret-0123456789";
    public const string ViewerSecret = "viewer-secret-0123456789";
    public const string OperatorSecret = "operator-secret-0123456789";
    public const string AdminSecret = "admin-secret-0123456789";

    /// <summary>agent: ingest for bank-*; viewer; ops: operator for bank-a; root: admin (hash only).</summary>
    public static string[] Arguments =>
    [
        "--Auth:Tokens:agent:Secret", AgentSecret, "--Auth:Tokens:agent:Roles", "agent", "--Auth:Tokens:agent:Clusters", "bank-*",
        "--Auth:Tokens:viewer:Secret", ViewerSecret, "--Auth:Tokens:viewer:Roles", "viewer",
        "--Auth:Tokens:ops:Secret", OperatorSecret, "--Auth:Tokens:ops:Roles", "operator", "--Auth:Tokens:ops:Clusters", "bank-a",
        "--Auth:Tokens:root:SecretSha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(AdminSecret))).ToLowerInvariant(),
        "--Auth:Tokens:root:Roles", "admin",
    ];

    public static Task<RunningRules> StartAsync(params string[] extra) => RunningRules.StartWithTokensAsync([.. Arguments, .. extra]);

    /// <summary>A client of <paramref name="rules"/> that sends <paramref name="secret"/> as its bearer token (none when null).</summary>
    public static HttpClient Client(RunningRules rules, string? secret)
    {
        var client = new HttpClient { BaseAddress = rules.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }
}
