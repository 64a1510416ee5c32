namespace AzLocalMonitor.Rules.Auth;

/// <summary>Who may call Rules (configuration section <c>Auth</c>); see docs/security.md.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// <see cref="AuthMode.Tokens"/> by default, on loopback too: loopback is no boundary on a shared host, and a
    /// browser page can reach it (DNS rebinding). <see cref="AuthMode.None"/> must be asked for and is refused on
    /// any non-loopback address.
    /// </summary>
    public AuthMode Mode { get; set; } = AuthMode.Tokens;

    /// <summary>Named tokens: <c>Auth:Tokens:&lt;name&gt;:SecretSha256|Secret|Roles|Clusters</c>.</summary>
    public Dictionary<string, TokenOptions> Tokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Serve <c>GET /metrics</c> without a token (for a Prometheus that cannot send one). Default false: /metrics names
    /// every cluster, node and alert, so it is a read like any other (Prometheus sends a viewer token with
    /// <c>authorization: credentials_file</c>).
    /// </summary>
    public bool AnonymousMetrics { get; set; }
}
