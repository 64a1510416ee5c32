using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>
/// Agent → Rules over HTTPS with a CA made at test time: an agent trusting that CA (or pinning the server's
/// certificate) delivers; an agent trusting another CA is refused and stores nothing.
/// </summary>
public sealed class TlsAgentTests
{
    private const string AgentToken = "agent-token-for-tls-test-0123456";
    private const string ViewerToken = "viewer-token-for-tls-test-012345";

    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 ServerSignedBy(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=rules", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        return signed.CopyWithPrivateKey(key);
    }

    [Fact]
    public async Task AnAgentTrustingTheTestCa_DeliversOverHttps_AnotherCaIsRefused()
    {
        var work = Directory.CreateTempSubdirectory("azlm-agent-tls-").FullName;
        using var ca = Ca("azlm test ca");
        using var otherCa = Ca("someone else's ca");
        using var server = ServerSignedBy(ca);
        string Write(string name, string text)
        {
            var path = Path.Combine(work, name);
            File.WriteAllText(path, text);
            return path;
        }

        var caFile = Write("ca.pem", ca.ExportCertificatePem());
        var otherCaFile = Write("other-ca.pem", otherCa.ExportCertificatePem());
        var tokenFile = Write("agent.token", AgentToken);
        await using var rules = await RulesServer.StartAsync(null,
            "--urls", "https://127.0.0.1:0",
            "--Kestrel:Certificates:Default:Path", Write("rules.crt", server.ExportCertificatePem()),
            "--Kestrel:Certificates:Default:KeyPath", Write("rules.key", server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()),
            "--Auth:Mode", "tokens",
            "--Auth:Tokens:agents:Secret", AgentToken, "--Auth:Tokens:agents:Roles", "ingest", "--Auth:Tokens:agents:Clusters", "*",
            "--Auth:Tokens:noc:Secret", ViewerToken, "--Auth:Tokens:noc:Roles", "viewer");
        async Task<int> Agent(string cluster, params string[] trust)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var output = new StringWriter();
            return await CollectorApp.RunAsync(
                ["--source", "simulated", "--cluster", cluster, "--rules", rules.BaseAddress.ToString(), "--token-file", tokenFile,
                 "--once", "--spool", Path.Combine(work, "spool-" + cluster), .. trust],
                output, output, stop.Token);
        }

        var trusted = await Agent("tls-ca", "--ca-file", caFile);
        var pinned = await Agent("tls-pin", "--server-thumbprint", server.GetCertHashString(HashAlgorithmName.SHA256));
        var refused = await Agent("tls-wrong-ca", "--ca-file", otherCaFile);

        using var viewer = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.GetCertHashString(HashAlgorithmName.SHA256) == server.GetCertHashString(HashAlgorithmName.SHA256),
        });
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ViewerToken);
        var clusters = await viewer.GetStringAsync(new Uri(rules.BaseAddress, "/api/v1/clusters"));
        Assert.Equal(ExitCodes.Success, trusted);
        Assert.Equal(ExitCodes.Success, pinned);
        Assert.NotEqual(ExitCodes.Success, refused);
        Assert.Contains("\"cluster\":\"tls-ca\"", clusters, StringComparison.Ordinal);
        Assert.Contains("\"cluster\":\"tls-pin\"", clusters, StringComparison.Ordinal);
        Assert.DoesNotContain("tls-wrong-ca", clusters, StringComparison.Ordinal);
    }
}
