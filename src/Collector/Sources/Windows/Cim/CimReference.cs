using System.Text;

namespace AzLocalMonitor.Collector.Sources.Windows.Cim;

/// <summary>
/// A WMI reference as System.Management returns it, an object path such as
/// <c>\\NODE1\root\Microsoft\Windows\Storage:MSFT_PhysicalDisk.ObjectId="{1}\\NODE1\\..."</c>, turned into a row of its
/// keys, the shape Get-CimInstance | ConvertTo-Json gives the same reference.
/// </summary>
internal static class CimReference
{
    public static CimRow Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var keys = new List<KeyValuePair<string, object?>>();
        var dot = path.IndexOf('.', path.IndexOf(':', StringComparison.Ordinal) + 1);
        var i = dot + 1;
        while (dot >= 0 && i < path.Length)
        {
            var equals = path.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = path[i..equals];
            var (value, next) = ReadValue(path, equals + 1);
            keys.Add(KeyValuePair.Create(name, value));
            i = next + 1; // skip the comma between keys
        }

        return new CimRow(keys);
    }

    private static (object? Value, int Next) ReadValue(string path, int at)
    {
        if (at >= path.Length || path[at] != '"')
        {
            var end = path.IndexOf(',', at);
            end = end < 0 ? path.Length : end;
            return (long.TryParse(path[at..end], out var number) ? number : path[at..end], end);
        }

        var text = new StringBuilder();
        for (var i = at + 1; i < path.Length; i++)
        {
            if (path[i] == '\\' && i + 1 < path.Length)
            {
                text.Append(path[++i]);
            }
            else if (path[i] == '"')
            {
                return (text.ToString(), i + 1);
            }
            else
            {
                text.Append(path[i]);
            }
        }

        return (text.ToString(), path.Length);
    }
}
