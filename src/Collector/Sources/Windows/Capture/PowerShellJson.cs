using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AzLocalMonitor.Collector.Sources.Windows.Cim;

namespace AzLocalMonitor.Collector.Sources.Windows.Capture;

/// <summary>
/// What Windows PowerShell 5.1's <c>ConvertTo-Json</c> writes for CIM instances, as <see cref="CimRow"/>s: one object
/// or an array; enums as numbers; UInt64 as plain numbers; dates as <c>"\/Date(ms)\/"</c>; the CIM bookkeeping
/// (<c>CimClass</c>, <c>CimInstanceProperties</c>, <c>CimSystemProperties</c>, <c>PSComputerName</c>) dropped.
/// </summary>
internal static partial class PowerShellJson
{
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.OrdinalIgnoreCase)
    {
        "CimClass", "CimInstanceProperties", "CimSystemProperties", "PSComputerName", "PSShowComputerName",
    };

    /// <summary>The instances in a file: an array, a single object, or nothing (an empty file: no instances).</summary>
    public static IReadOnlyList<CimRow> Rows(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => [.. root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(Row)],
            JsonValueKind.Object => [Row(root)],
            _ => [],
        };
    }

    public static CimRow Row(JsonElement element) =>
        new(element.EnumerateObject().Where(p => !Bookkeeping.Contains(p.Name)).Select(p => KeyValuePair.Create(p.Name, Value(p.Value))));

    /// <summary>A PowerShell 5.1 date, <c>\/Date(1700000000000)\/</c> (the JSON text holds the escaped slashes; the string does not).</summary>
    public static DateTimeOffset? Date(string? text) =>
        text is not null && DatePattern().Match(text) is { Success: true } m
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture))
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number when value.TryGetUInt64(out var u) => (long)Math.Min(u, long.MaxValue),
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Object => Row(value),
        _ => null,
    };

    [GeneratedRegex(@"^/Date\((?<ms>-?\d+)\)/$")]
    private static partial Regex DatePattern();
}
