using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>Validates <c>Auth</c>: every token names known roles, holds exactly one secret, and says which clusters it may touch.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>Shortest plain <c>Secret</c> accepted: a guessable token is no credential.</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (tokenName, token) in options.Tokens)
        {
            var key = $"Auth:Tokens:{tokenName}";
            var hasHash = !string.IsNullOrWhiteSpace(token.SecretSha256);
            var hasSecret = !string.IsNullOrEmpty(token.Secret);
            if (hasHash == hasSecret)
            {
                errors.Add($"{key}: set exactly one of SecretSha256 (preferred) or Secret.");
            }
            else if (hasHash && !IsSha256Hex(token.SecretSha256!.Trim()))
            {
                errors.Add($"{key}:SecretSha256 must be 64 hex digits (printf %s \"$TOKEN\" | sha256sum).");
            }
            else if (hasSecret && token.Secret!.Length < MinSecretLength)
            {
                errors.Add($"{key}:Secret must be at least {MinSecretLength} characters (openssl rand -hex 32).");
            }

            var roles = (token.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.Length == 0)
            {
                errors.Add($"{key}:Roles is required: a comma list of ingest, viewer, operator, admin.");
            }

            foreach (var role in roles.Where(r => Roles.Expand(r) is null))
            {
                errors.Add($"{key}:Roles: unknown role '{role}' (ingest, viewer, operator, admin).");
            }

            var needsClusters = roles.Any(r => Roles.Expand(r) is { } granted && (granted.Contains(Roles.Ingest) || granted.Contains(Roles.Operator)))
                && !roles.Any(r => string.Equals(r, Roles.Admin, StringComparison.OrdinalIgnoreCase));
            if (needsClusters && string.IsNullOrWhiteSpace(token.Clusters))
            {
                errors.Add($"{key}:Clusters is required for ingest and operator tokens: the clusters it may write or act on (* for every cluster).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSha256Hex(string text) =>
        text.Length == 64 && text.All(char.IsAsciiHexDigit);
}
