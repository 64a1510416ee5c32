namespace AzLocalMonitor.Rules.Auth;

/// <summary>One named credential (<c>Auth:Tokens:&lt;name&gt;</c>); the name is what the audit trail records.</summary>
public sealed class TokenOptions
{
    /// <summary>SHA-256 of the token, 64 hex digits (<c>printf %s "$TOKEN" | sha256sum</c>). Preferred: the secret is not stored.</summary>
    public string? SecretSha256 { get; set; }

    /// <summary>The token itself (hashed at start-up and then forgotten). For tests and demos; prefer <see cref="SecretSha256"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>Comma list of <c>ingest</c> (alias <c>agent</c>), <c>viewer</c>, <c>operator</c>, <c>admin</c>.</summary>
    public string? Roles { get; set; }

    /// <summary>
    /// Comma list of cluster names or globs (<c>*</c>, <c>?</c>) the token may write (ingest) or act on (operator);
    /// required for those roles (<c>*</c> means every cluster). Viewers read every cluster.
    /// </summary>
    public string? Clusters { get; set; }
}
