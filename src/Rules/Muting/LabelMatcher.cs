using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// An Alertmanager label matcher: <c>name="value"</c>, <c>!=</c>, <c>=~</c> (regex, anchored at both ends) or
/// <c>!~</c>. A label that is absent matches as the empty string, as in Alertmanager.
/// </summary>
public sealed partial class LabelMatcher
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(50);
    private readonly Regex? _regex;

    public LabelMatcher(string name, string op, string value)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FormatException("a matcher needs a label name");
        }

        if (op is not ("=" or "!=" or "=~" or "!~"))
        {
            throw new FormatException($"unknown matcher operator '{op}' (use =, !=, =~ or !~)");
        }

        Name = name;
        Op = op;
        Value = value;
        if (op is "=~" or "!~")
        {
            try
            {
                // Anchored like Alertmanager; a time budget so a hostile pattern cannot stall evaluation.
                _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant, RegexBudget);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"invalid regular expression '{value}': {e.Message}", e);
            }
        }
    }

    public string Name { get; }

    public string Op { get; }

    public string Value { get; }

    /// <summary>True when <paramref name="labels"/> satisfy this matcher.</summary>
    public bool Matches(LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.Get(Name) ?? string.Empty;
        return Op switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => SafeMatch(actual),
            _ => !SafeMatch(actual),
        };
    }

    /// <summary>Parses <c>name="value"</c> (quotes optional) with any of the four operators.</summary>
    public static LabelMatcher Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Syntax().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a matcher such as alertname=\"AzLocalNodeDown\" or node=~\"n[12]\"");
        }

        var value = match.Groups["value"].Value;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        return new LabelMatcher(match.Groups["name"].Value, match.Groups["op"].Value, value);
    }

    public override string ToString() => $"{Name}{Op}\"{Value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private bool SafeMatch(string actual)
    {
        try
        {
            return _regex!.IsMatch(actual);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [GeneratedRegex("""^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?<op>=~|!~|!=|=)\s*(?<value>.*)$""")]
    private static partial Regex Syntax();
}
