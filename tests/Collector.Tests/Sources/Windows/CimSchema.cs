using System.Text.Json;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>cim-schema.json: class → namespace and property types, from the 23H2 WMI repository (see its "source").</summary>
internal sealed class CimSchema
{
    private readonly Dictionary<string, (string Namespace, Dictionary<string, string> Properties)> _classes = new(StringComparer.OrdinalIgnoreCase);

    private CimSchema(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var cls in document.RootElement.GetProperty("classes").EnumerateObject())
        {
            var properties = cls.Value.GetProperty("properties").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
            _classes[cls.Name] = (cls.Value.GetProperty("namespace").GetString()!, properties);
        }
    }

    public static CimSchema Load() => new(RepoPaths.Schema);

    public bool HasClass(string name) => _classes.ContainsKey(name);

    public string Namespace(string cls) => _classes[cls].Namespace;

    public string? TypeOf(string cls, string property) => _classes[cls].Properties.GetValueOrDefault(property);

    public IReadOnlyCollection<string> Properties(string cls) => _classes[cls].Properties.Keys;
}
