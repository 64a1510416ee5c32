namespace AzLocalMonitor.Rules.Auth;

/// <summary>The roles a token can hold, and what each one implies.</summary>
public static class Roles
{
    /// <summary>May post OTLP metrics (<c>POST /v1/metrics</c>) for its clusters, nothing else.</summary>
    public const string Ingest = "ingest";

    /// <summary>May read: every GET API, <c>/ui/</c>, <c>/metrics</c>.</summary>
    public const string Viewer = "viewer";

    /// <summary>Viewer, plus maintenance windows and silences for its clusters, and policy reload.</summary>
    public const string Operator = "operator";

    /// <summary>Every role, on every cluster.</summary>
    public const string Admin = "admin";

    /// <summary>The roles a configured role name grants (null: unknown name). <c>agent</c> is another name for ingest.</summary>
    public static IReadOnlyList<string>? Expand(string name) => name.Trim().ToLowerInvariant() switch
    {
        Ingest or "agent" => [Ingest],
        Viewer => [Viewer],
        Operator => [Operator, Viewer],
        Admin => [Admin, Operator, Viewer, Ingest],
        _ => null,
    };
}
