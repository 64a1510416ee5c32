using System.Management;
using System.Runtime.Versioning;

namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>WQL through System.Management on this node. Every failure becomes a <see cref="CimQueryException"/>.</summary>
[SupportedOSPlatform("windows")]
internal sealed class WmiCimQuery : ICimQuery
{
    public IReadOnlyList<CimRow> Query(string cimNamespace, string wql)
    {
        try
        {
            var scope = new ManagementScope(@"\\.\" + cimNamespace.Replace('/', '\\'));
            using var searcher = new ManagementObjectSearcher(scope, new ObjectQuery(wql));
            using var results = searcher.Get();
            var rows = new List<CimRow>();
            foreach (var item in results)
            {
                using (item)
                {
                    rows.Add(ToRow(item));
                }
            }

            return rows;
        }
        catch (Exception e) when (e is ManagementException or System.Runtime.InteropServices.COMException or UnauthorizedAccessException)
        {
            throw new CimQueryException($"{cimNamespace}: {wql}: {e.Message}", e);
        }
    }

    public static CimRow ToRow(ManagementBaseObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new CimRow(item.Properties.Cast<PropertyData>().Select(p => KeyValuePair.Create(p.Name, Value(p.Value, p.Type))));
    }

    private static object? Value(object? value, CimType type) => value switch
    {
        null => null,
        string path when type == CimType.Reference => CimReference.Parse(path),
        string s => s,
        bool b => b,
        ManagementBaseObject nested => ToRow(nested),
        Array array => array.Cast<object?>().Select(v => Value(v, type)).ToList(),
        ulong u => (long)Math.Min(u, long.MaxValue),
        float or double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        IConvertible c => c.ToInt64(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
