namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>Small textual helpers over PromQL expressions (no parser: Prometheus itself parses them).</summary>
public static class PromQlText
{
    /// <summary>
    /// <c>X or vector(0)</c> and <c>X or (0 * Y)</c> → X (the last top-level <c>or</c> with a constant-zero right-hand
    /// side); null when the expression has no such fallback.
    /// </summary>
    public static string? WithoutConstantFallback(string expr)
    {
        ArgumentNullException.ThrowIfNull(expr);

        // "(X or vector(0)) and on () (max(up{job=...}) == 1)": the fallback inside a gate on Rules being scraped.
        var gate = expr.IndexOf(" and on () (max(up{", StringComparison.Ordinal);
        if (gate > 0 && expr[0] == '(' && expr[gate - 1] == ')')
        {
            var inner = WithoutConstantFallback(expr[1..(gate - 1)]);
            return inner is null ? null : $"({inner}){expr[gate..]}";
        }

        var at = LastTopLevelOr(expr);
        if (at < 0)
        {
            return null;
        }

        var right = expr[(at + 4)..].Trim();
        return right == "vector(0)" || right.StartsWith("(0 * ", StringComparison.Ordinal) ? expr[..at].Trim() : null;
    }

    /// <summary>Index of the last <c> or </c> outside parentheses, braces, brackets and strings; -1 if none.</summary>
    private static int LastTopLevelOr(string expr)
    {
        var depth = 0;
        var last = -1;
        char? quote = null;
        for (var i = 0; i < expr.Length; i++)
        {
            var c = expr[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'' or '`':
                    quote = c;
                    break;
                case '(' or '{' or '[':
                    depth++;
                    break;
                case ')' or '}' or ']':
                    depth--;
                    break;
                case ' ' when depth == 0 && string.CompareOrdinal(expr, i, " or ", 0, 4) == 0:
                    last = i;
                    break;
            }
        }

        return last;
    }
}
