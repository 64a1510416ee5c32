using System.Globalization;
using AzLocalMonitor.Collector.Configuration;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>Typed scalars of a scenario file; every failure is a <see cref="ScenarioException"/> naming file, line and column.</summary>
internal sealed class YamlValues
{
    public YamlValues(string file)
    {
        File = file;
    }

    public string File { get; }

    public static string Key(YamlNode key) => (key as YamlScalarNode)?.Value ?? string.Empty;

    public ScenarioException Error(YamlNode node, string message) =>
        ScenarioException.At(File, node.Start.Line, node.Start.Column, message);

    public string Scalar(YamlNode value) =>
        value is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(value, "expected a value here.");

    public YamlMappingNode Mapping(YamlNode value, string what) =>
        value as YamlMappingNode ?? throw Error(value, $"{what} is a mapping of keys and values.");

    public YamlSequenceNode Sequence(YamlNode value, string what) =>
        value as YamlSequenceNode ?? throw Error(value, $"{what} is a list ('- ' items).");

    public int Int(YamlNode value, int min, int max)
    {
        var text = Scalar(value);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Error(value, $"'{text}' is not a whole number from {min} to {max}.");
    }

    public double PositiveDouble(YamlNode value)
    {
        var text = Scalar(value);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw Error(value, $"'{text}' is not a positive number.");
    }

    /// <summary>A share: <c>5%</c> or <c>0.05</c>, from 0 to <paramref name="max"/>.</summary>
    public double Share(YamlNode value, double max = 1)
    {
        var text = Scalar(value);
        var percent = text.EndsWith('%');
        var ok = double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        number = percent ? number / 100 : number;
        return ok && number >= 0 && number <= max && double.IsFinite(number)
            ? number
            : throw Error(value, $"'{text}' is not a share from 0 to {max.ToString(CultureInfo.InvariantCulture)} (examples: 5%, 0.05).");
    }

    public bool Bool(YamlNode value)
    {
        var text = Scalar(value);
        return bool.TryParse(text, out var b) ? b : throw Error(value, $"'{text}' is not true or false.");
    }

    public long Bytes(YamlNode value)
    {
        var text = Scalar(value);
        return ByteSizeParser.TryParse(text, out var bytes) && bytes > 0
            ? bytes
            : throw Error(value, $"'{text}' is not a size (examples: 2TB, 500GiB, 1.5TiB).");
    }

    /// <param name="allowZero">Accept 0 (e.g. a repair that makes no progress).</param>
    public long Rate(YamlNode value, bool allowZero = false)
    {
        var text = Scalar(value);
        return ByteSizeParser.TryParse(text.EndsWith("/s", StringComparison.Ordinal) ? text[..^2] : text, out var bytes) && (bytes > 0 || (allowZero && bytes == 0))
            ? bytes
            : throw Error(value, $"'{text}' is not a rate in bytes per second (examples: 2GiB/s, 500MB/s, 1048576{(allowZero ? ", 0" : string.Empty)}).");
    }

    public TimeSpan Duration(YamlNode value)
    {
        var text = Scalar(value);
        return DurationParser.TryParse(text, out var duration)
            ? duration
            : throw Error(value, $"'{text}' is not a duration (examples: 10s, 1m30s, 500ms, 90d).");
    }
}
