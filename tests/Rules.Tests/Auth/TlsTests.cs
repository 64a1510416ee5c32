using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Auth;

/// <summary>
/// Rules serves HTTPS from the standard Kestrel certificate keys, with the slim builder: a PEM certificate and key, or a
/// PFX with a password, made in the test. A client trusting that certificate gets through; one trusting another does not.
/// </summary>
public class TlsTests
{
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>A client that trusts exactly <paramref name="pinned"/> (by SHA-256 thumbprint), as an agent with a pinned certificate would.</summary>
    private static HttpClient PinnedClient(X509Certificate2 pinned) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == pinned.GetCertHashString(HashAlgorithmName.SHA256),
        });

    [Fact]
    public async Task WithAPemCertificate_RulesServesHttps_AndOnlyAClientTrustingItGetsThrough()
    {
        using var certificate = SelfSigned("azlm-rules-test");
        var directory = Directory.CreateTempSubdirectory("azlm-tls-").FullName;
        var certPath = Path.Combine(directory, "rules.crt");
        var keyPath = Path.Combine(directory, "rules.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        await using var rules = await RunningRules.StartAsync("--urls", "https://127.0.0.1:0",
            "--Kestrel:Certificates:Default:Path", certPath, "--Kestrel:Certificates:Default:KeyPath", keyPath);
        using var trusting = PinnedClient(certificate);
        using var other = SelfSigned("someone-else");
        using var distrusting = PinnedClient(other);

        Assert.Equal("https", rules.BaseAddress.Scheme);
        using var health = await trusting.GetAsync(new Uri(rules.BaseAddress, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => distrusting.GetAsync(new Uri(rules.BaseAddress, "/healthz")));
    }

    [Fact]
    public async Task WithAPfxAndPassword_RulesServesHttps()
    {
        using var certificate = SelfSigned("azlm-rules-pfx");
        var path = Path.Combine(Directory.CreateTempSubdirectory("azlm-tls-").FullName, "rules.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));

        await using var rules = await RunningRules.StartAsync("--urls", "https://127.0.0.1:0",
            "--Kestrel:Certificates:Default:Path", path, "--Kestrel:Certificates:Default:Password", "pfx-password");
        using var client = PinnedClient(certificate);

        using var health = await client.GetAsync(new Uri(rules.BaseAddress, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
