using System.Management;
using System.Runtime.Versioning;

namespace AzLocalMonitor.Collector.Sources.Windows;

/// <summary>Reads CIM properties that may be absent (an older build's MOF) or null, as .NET values.</summary>
[SupportedOSPlatform("windows")]
internal static class CimValues
{
    public static object? Get(ManagementBaseObject item, string name)
    {
        try
        {
            return item[name];
        }
        catch (ManagementException)
        {
            return null; // not a property of this class on this build
        }
    }

    public static string Text(ManagementBaseObject item, string name) => Get(item, name)?.ToString() ?? string.Empty;

    public static string? TextOrNull(ManagementBaseObject item, string name) => Get(item, name)?.ToString();

    public static int Int(ManagementBaseObject item, string name, int fallback = 0) =>
        Get(item, name) is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public static long? Long(ManagementBaseObject item, string name) =>
        Get(item, name) is { } value ? (long)Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static bool Bool(ManagementBaseObject item, string name) => Get(item, name) is true;

    public static IReadOnlyList<int> Ints(ManagementBaseObject item, string name) =>
        Get(item, name) is Array values
            ? [.. values.Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}
