using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// How the agent decides that the HTTPS server it sends to is Rules: the system's trust store (the default), a CA file
/// (PEM, e.g. the lab CA that signed Rules' certificate), or a pinned SHA-256 certificate thumbprint. The CA file and
/// the pin apply to the Rules host only; other destinations (Grafana Alloy, Grafana Cloud) keep the system's store.
/// </summary>
internal sealed class ServerTrust
{
    private readonly HashSet<string> _rulesAuthorities;
    private readonly X509Certificate2Collection? _roots;
    private readonly string? _thumbprint;

    public ServerTrust(Uri rules, string? caFile, string? thumbprint)
        : this([rules], caFile, thumbprint)
    {
    }

    /// <param name="rules">Every Rules replica the agent sends to: the CA file and the pin apply to each.</param>
    public ServerTrust(IReadOnlyList<Uri> rules, string? caFile, string? thumbprint)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rulesAuthorities = [.. rules.Select(r => r.Authority)];
        if (caFile is not null)
        {
            _roots = [];
            _roots.ImportFromPemFile(caFile);
        }

        _thumbprint = thumbprint?.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    /// <summary>True when neither a CA file nor a pin is configured (plain HttpClient defaults).</summary>
    public bool IsDefault => _roots is null && _thumbprint is null;

    /// <summary>The handler for the agent's HttpClient.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new HttpClientHandler();
        if (!IsDefault)
        {
            handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                request.RequestUri?.Authority is not { } authority || !_rulesAuthorities.Contains(authority) ? errors == SslPolicyErrors.None : Accepts(certificate, errors);
        }

        return handler;
    }

    /// <summary>Whether the Rules server presenting <paramref name="certificate"/> is the one this agent trusts.</summary>
    internal bool Accepts(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (_thumbprint is not null)
        {
            // A pin names the certificate itself: chain and name do not matter.
            return string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), _thumbprint, StringComparison.Ordinal);
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
