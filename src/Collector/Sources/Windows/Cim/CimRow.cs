using System.Globalization;

namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>
/// One CIM instance as plain values, whatever read it (WMI live, or a capture's JSON): null, string, bool, long,
/// double, an array (<see cref="IReadOnlyList{T}"/> of values) or a nested instance (an embedded object or a
/// reference). Names compare case-insensitively, as CIM's do. A property the query did not select is absent.
/// </summary>
internal sealed class CimRow
{
    private readonly Dictionary<string, object?> _values;

    public CimRow(IEnumerable<KeyValuePair<string, object?>> values) =>
        _values = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Names => _values.Keys;

    public bool Has(string name) => _values.ContainsKey(name);

    public object? Get(string name) => _values.GetValueOrDefault(name);

    public string Text(string name) => TextOrNull(name) ?? string.Empty;

    public string? TextOrNull(string name) => Get(name) switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>
    /// An integer property. CIM's uint32 enums use 0xFFFFFFFF for −1 (Unknown): values from 2^31 to 2^32−1 wrap
    /// as a uint32 cast to int would, so 4294967295 reads −1 instead of overflowing.
    /// </summary>
    public int Int(string name, int fallback = 0) => ToInt(Get(name)) ?? fallback;

    public long? Long(string name) => Get(name) switch
    {
        long l => l,
        double d when double.IsFinite(d) => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public bool Bool(string name) => Get(name) switch
    {
        bool b => b,
        long l => l != 0,
        string s => bool.TryParse(s, out var parsed) && parsed,
        _ => false,
    };

    public IReadOnlyList<int> Ints(string name) => Get(name) switch
    {
        IReadOnlyList<object?> list => [.. list.Select(ToInt).OfType<int>()],
        var single when ToInt(single) is { } one => [one],
        _ => [],
    };

    public CimRow? Nested(string name) => Get(name) as CimRow;

    /// <summary>A string array property (a lone string reads as one element; null, or no value, as none).</summary>
    public IReadOnlyList<string> Texts(string name) => Get(name) switch
    {
        IReadOnlyList<object?> list => [.. list.OfType<string>()],
        string single => [single],
        _ => [],
    };

    private static int? ToInt(object? value) => value switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        long l when l is > int.MaxValue and <= uint.MaxValue => unchecked((int)(uint)l),
        double d when double.IsFinite(d) && d is >= int.MinValue and <= uint.MaxValue => ToInt((long)d),
        bool b => b ? 1 : 0,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => ToInt(parsed),
        _ => null,
    };
}
