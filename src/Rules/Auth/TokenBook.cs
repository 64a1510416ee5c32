using System.Security.Cryptography;
using System.Text;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>
/// The configured tokens, by hash only: a presented token is hashed and compared with every stored hash in constant
/// time, so neither the comparison time nor the stored configuration gives a secret away. Immutable after start-up.
/// </summary>
public sealed class TokenBook
{
    private readonly TokenCredential[] _tokens;

    public TokenBook(IEnumerable<TokenCredential> tokens) => _tokens = [.. tokens];

    /// <summary>Number of tokens configured.</summary>
    public int Count => _tokens.Length;

    /// <summary>Builds the book from validated options (<see cref="AuthOptionsValidator"/> has rejected anything malformed).</summary>
    public static TokenBook From(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tokens = new List<TokenCredential>();
        foreach (var (name, token) in options.Tokens)
        {
            var hash = token.SecretSha256 is { Length: > 0 } hex ? Convert.FromHexString(hex.Trim()) : Hash(token.Secret ?? string.Empty);
            var roles = new HashSet<string>(StringComparer.Ordinal);
            foreach (var role in (token.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                roles.UnionWith(Roles.Expand(role) ?? []);
            }

            var clusters = roles.Contains(Roles.Admin) ? ClusterScope.All : ClusterScope.Parse(token.Clusters);
            tokens.Add(new TokenCredential(name, hash, roles, clusters));
        }

        return new TokenBook(tokens);
    }

    /// <summary>The token whose secret is <paramref name="presented"/>, or null. Looks at every entry whatever matches.</summary>
    public TokenCredential? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        TokenCredential? found = null;
        foreach (var token in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, token.SecretHash))
            {
                found ??= token;
            }
        }

        return found;
    }

    /// <summary>SHA-256 of the UTF-8 token (what <c>SecretSha256</c> holds, as hex).</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
