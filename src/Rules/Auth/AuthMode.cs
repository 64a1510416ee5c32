namespace AzLocalMonitor.Rules.Auth;

/// <summary>How Rules decides who a caller is (<c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>Every request except <c>/healthz</c> needs a bearer token from <c>Auth:Tokens</c>. The default.</summary>
    Tokens,

    /// <summary>No credentials: every caller may do everything. Allowed only when every listen address is loopback (demos, tests).</summary>
    None,
}
