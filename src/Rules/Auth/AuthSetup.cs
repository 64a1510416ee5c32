using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>Registers authentication (bearer tokens) and the authorization policies, and checks the mode against the listen addresses.</summary>
public static class AuthSetup
{
    /// <summary>Policy: post metrics.</summary>
    public const string IngestPolicy = "azlm-ingest";

    /// <summary>Policy: read.</summary>
    public const string ViewerPolicy = "azlm-viewer";

    /// <summary>Policy: maintenance windows, silences, policy reload.</summary>
    public const string OperatorPolicy = "azlm-operator";

    public static IServiceCollection AddRulesAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton(sp => TokenBook.From(sp.GetRequiredService<IOptions<AuthOptions>>().Value));
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(IngestPolicy, p => p.RequireRole(Roles.Ingest))
            .AddPolicy(ViewerPolicy, p => p.RequireRole(Roles.Viewer))
            .AddPolicy(OperatorPolicy, p => p.RequireRole(Roles.Operator))
            // An endpoint that says nothing needs a viewer: a new endpoint is closed until someone opens it.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BearerTokenHandler.SchemeName).RequireRole(Roles.Viewer).Build());
        return services;
    }

    /// <summary>
    /// Problems with the mode and the listen addresses: <c>none</c> on an address other than loopback is refused.
    /// Returns an empty list when the combination is allowed.
    /// </summary>
    public static IReadOnlyList<string> CheckListenAddresses(AuthOptions options, IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode != AuthMode.None)
        {
            return [];
        }

        return [.. urls.Where(u => !IsLoopback(u)).Select(u =>
            $"Auth:Mode=none is allowed only on loopback, but Rules would listen on {u}: configure Auth:Tokens (docs/security.md).")];
    }

    /// <summary>True for http(s)://127.x.x.x, [::1] and localhost URLs.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel accepts wildcards (http://*:80, http://+:80) that Uri does not parse as hosts: those are not loopback.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Logs, loudly, what the mode means for this start.</summary>
    public static void LogMode(ILogger logger, AuthOptions options, TokenBook tokens)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        if (options.Mode == AuthMode.None)
        {
            logger.LogWarning("!!! Auth:Mode=none: NO AUTHENTICATION. Anyone who can reach this port can post metrics, mute alerts and read everything. " +
                "For local demos and tests only; configure Auth:Tokens for anything else (docs/security.md).");
        }
        else if (tokens.Count == 0)
        {
            logger.LogWarning("No token is configured (Auth:Tokens): every request except /healthz will be refused with 401. " +
                "Add one, e.g. --Auth:Tokens:ops:SecretSha256 <sha256 of the token> --Auth:Tokens:ops:Roles admin (docs/security.md).");
        }
        else
        {
            logger.LogInformation("Authentication: {Count} token(s) configured; /metrics {Metrics}", tokens.Count,
                options.AnonymousMetrics ? "is open without a token (Auth:AnonymousMetrics)" : "needs a viewer token");
        }
    }
}
