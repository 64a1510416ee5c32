using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>Typed reads from YAML nodes that record a located error instead of throwing.</summary>
internal sealed class YamlReader
{
    private readonly string _file;
    private readonly List<PolicyError> _errors;

    public YamlReader(string file, List<PolicyError> errors)
    {
        _file = file;
        _errors = errors;
    }

    public void ErrorAt(long line, long column, string message) => _errors.Add(new PolicyError(_file, line, column, message));

    public void Error(YamlNode? node, string message) =>
        _errors.Add(new PolicyError(_file, node?.Start.Line ?? 0, node?.Start.Column ?? 0, message));

    /// <summary>The mapping's entries by key, reporting keys outside <paramref name="allowed"/>.</summary>
    public Dictionary<string, YamlNode> Map(YamlNode node, string what, params string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping");
            return result;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (allowed.Length > 0 && !allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, $"unknown key '{key}' in {what} (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            result[key] = value;
        }

        return result;
    }

    public IEnumerable<YamlNode> Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }

        Error(node, $"{what} must be a list");
        return [];
    }

    public string? String(Dictionary<string, YamlNode> map, string key, bool required, string what, YamlNode? owner = null)
    {
        if (!map.TryGetValue(key, out var node))
        {
            if (required)
            {
                Error(owner, $"{what}: '{key}' is required");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && (value.Length > 0 || !required))
        {
            return value;
        }

        Error(node, $"{what}: '{key}' must be a non-empty text");
        return null;
    }

    public double? Number(Dictionary<string, YamlNode> map, string key, string what)
    {
        var text = String(map, key, required: false, what);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(map[key], $"{what}: '{key}' must be a number (got '{text}')");
        return null;
    }

    public TimeSpan? Duration(Dictionary<string, YamlNode> map, string key, string what)
    {
        var text = String(map, key, required: false, what);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        Error(map[key], $"{what}: '{key}' must be a duration such as 30s, 15m or 2h (got '{text}')");
        return null;
    }

    public bool? Bool(Dictionary<string, YamlNode> map, string key, string what)
    {
        var text = String(map, key, required: false, what);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(map[key], $"{what}: '{key}' must be true or false (got '{text}')");
        return null;
    }

    public List<string> Strings(Dictionary<string, YamlNode> map, string key, string what)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return [];
        }

        var result = new List<string>();
        foreach (var item in Sequence(node, $"{what}: '{key}'"))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                result.Add(value);
            }
            else
            {
                Error(item, $"{what}: '{key}' must list texts");
            }
        }

        return result;
    }

    public Dictionary<string, string> Scalars(Dictionary<string, YamlNode> map, string key, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.TryGetValue(key, out var node))
        {
            return result;
        }

        foreach (var (k, v) in Map(node, $"{what}: '{key}'"))
        {
            if (v is YamlScalarNode { Value: { } value })
            {
                result[k] = value;
            }
            else
            {
                Error(v, $"{what}: parameter '{k}' must be a single value");
            }
        }

        return result;
    }
}
