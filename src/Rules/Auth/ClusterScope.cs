using System.IO.Enumeration;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>The clusters a token may write or act on: names or globs (<c>*</c>, <c>?</c>), case-sensitive like cluster labels.</summary>
public sealed class ClusterScope
{
    private readonly string[] _patterns;

    private ClusterScope(string[] patterns) => _patterns = patterns;

    /// <summary>Every cluster (admin, and <c>Auth:Mode=none</c>).</summary>
    public static ClusterScope All { get; } = new(["*"]);

    /// <summary>No cluster.</summary>
    public static ClusterScope Nothing { get; } = new([]);

    /// <summary>True when the scope is exactly every cluster (needed for actions that cannot name one cluster).</summary>
    public bool IsAll => _patterns.Contains("*");

    /// <summary>Parses a comma list; blanks are ignored.</summary>
    public static ClusterScope Parse(string? text)
    {
        var patterns = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return patterns.Length == 0 ? Nothing : new ClusterScope(patterns);
    }

    /// <summary>True when <paramref name="cluster"/> is one of the names or matches one of the globs.</summary>
    public bool Allows(string cluster)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern == "*" || FileSystemName.MatchesSimpleExpression(pattern, cluster, ignoreCase: false))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(',', _patterns);
}
