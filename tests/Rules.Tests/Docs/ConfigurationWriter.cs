using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Docs;

/// <summary>
/// Writes docs/reference/configuration-rules.md from the code itself: every options class of Rules (a type with a
/// <c>Section</c> constant), each settable property a key; its default read from a fresh instance; its meaning from
/// the property's XML comment (AzLocalMonitor.Rules.xml); its validation found by giving the app's own validators
/// bad values (zero, negative, huge, empty, not a URL) and keeping the errors that name the key. A key added in code
/// appears here, so the drift test fails until the page is regenerated.
/// </summary>
public static partial class ConfigurationWriter
{
    private const string EntryName = "<name>";

    public static string Rules(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var docs = XmlDocs.Load(typeof(RulesApp).Assembly);
        var sb = new StringBuilder();
        sb.Append("# Configuration reference: Rules\n\n");
        sb.Append("Generated from the options classes of `src/Rules` (key, default) and their validators (validation) by\n");
        sb.Append("`tests/Rules.Tests/Docs/ConfigurationWriter.cs`; a test fails when a key in the code is missing here (regenerate:\n");
        sb.Append("`AZLM_UPDATE_GENERATED=1 dotnet test tests/Rules.Tests --filter ReferenceDocs`). How to set them:\n");
        sb.Append("[../configuration.md](../configuration.md). Durations are written `hh:mm:ss` or `d.hh:mm:ss`.\n");
        foreach (var type in OptionTypes())
        {
            var section = (string)type.GetField("Section")!.GetValue(null)!;
            var list = section == "Webhooks"; // bound as a list: Webhooks:0:Url, Webhooks:1:Url, …
            sb.Append(CultureInfo.InvariantCulture, $"\n## {section}\n\n{docs.Summary(type)}\n\n| key | type | default | meaning | validation |\n|---|---|---|---|---|\n");
            foreach (var row in Rows(services, docs, type, list ? section + ":N" : section))
            {
                sb.Append(CultureInfo.InvariantCulture, $"| `{row.Key}` | {row.Type} | {row.Default} | {Cell(row.Meaning)} | {Cell(row.Validation)} |\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>Every options class of Rules, by section name.</summary>
    public static IReadOnlyList<Type> OptionTypes() =>
        [.. typeof(RulesApp).Assembly.GetTypes()
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .OrderBy(t => (string)t.GetField("Section")!.GetValue(null)!, StringComparer.Ordinal)];

    /// <summary>Every key of the options classes, as written in the page.</summary>
    public static IEnumerable<string> Keys(IServiceProvider services) =>
        OptionTypes().SelectMany(t =>
        {
            var section = (string)t.GetField("Section")!.GetValue(null)!;
            return Rows(services, XmlDocs.Load(typeof(RulesApp).Assembly), t, section == "Webhooks" ? section + ":N" : section).Select(r => r.Key);
        });

    private sealed record Row(string Key, string Type, string Default, string Meaning, string Validation);

    private static List<Row> Rows(IServiceProvider services, XmlDocs docs, Type type, string prefix)
    {
        var rows = new List<Row>();
        var root = Activator.CreateInstance(type)!;
        Walk(new Walker(type, services, docs, rows), type, prefix, root, o => o, root);
        return rows;
    }

    /// <summary>
    /// Adds a row per property of <paramref name="type"/> reached from the options object through <paramref name="reach"/>;
    /// nested classes (History:Retention) and dictionaries of classes (Auth:Tokens:&lt;name&gt;) are walked.
    /// </summary>
    private sealed record Walker(Type Root, IServiceProvider Services, XmlDocs Docs, List<Row> Rows);

    private static void Walk(Walker walker, Type type, string prefix, object instance, Func<object, object> reach, object defaults)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>) && propertyType.GetGenericArguments()[1] == typeof(string))
            {
                // A map of plain values (e.g. extra headers): one row for its entries, keyed by name.
                walker.Rows.Add(new Row($"{key}:{EntryName}", "string", "–", walker.Docs.Summary(property), "–"));
                continue;
            }

            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>) && propertyType.GetGenericArguments()[1].IsClass)
            {
                var entryType = propertyType.GetGenericArguments()[1];
                var entry = Activator.CreateInstance(entryType)!;
                Walk(walker, entryType, $"{key}:{EntryName}", entry, o =>
                {
                    var dictionary = (IDictionary)property.GetValue(reach(o))!;
                    if (!dictionary.Contains(EntryName))
                    {
                        dictionary[EntryName] = Activator.CreateInstance(entryType);
                    }

                    return dictionary[EntryName]!;
                }, entry);
                continue;
            }

            if (propertyType.IsClass && propertyType != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                Walk(walker, propertyType, key, property.GetValue(instance)!, o => property.GetValue(reach(o))!, property.GetValue(instance)!);
                continue;
            }

            if (property.SetMethod is null && !typeof(IList).IsAssignableFrom(propertyType))
            {
                continue;
            }

            var isList = typeof(IList).IsAssignableFrom(propertyType) && propertyType != typeof(string);
            walker.Rows.Add(new Row(
                isList ? key + ":N" : key,
                TypeName(propertyType),
                Format(property.GetValue(defaults)),
                walker.Docs.Summary(property),
                isList ? "–" : Validation(walker, key, property, reach)));
        }
    }

    /// <summary>The errors the app's validators give for bad values of one key (each once, without the value given).</summary>
    private static string Validation(Walker walker, string key, PropertyInfo property, Func<object, object> reach)
    {
        var optionsType = walker.Root;
        var validators = walker.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(optionsType)).OfType<object>().ToList();
        var messages = new List<string>();
        foreach (var probe in Probes(property.PropertyType))
        {
            var options = Activator.CreateInstance(optionsType)!;
            property.SetValue(reach(options), probe);
            foreach (var validator in validators)
            {
                var result = (ValidateOptionsResult)validator.GetType().GetMethod("Validate", [typeof(string), optionsType])!.Invoke(validator, [null, options])!;
                foreach (var failure in result.Failures ?? [])
                {
                    var text = Normalize(failure, probe);
                    if (text.Contains(key, StringComparison.Ordinal) && !messages.Contains(text, StringComparer.Ordinal))
                    {
                        messages.Add(text);
                    }
                }
            }
        }

        return messages.Count == 0 ? "–" : string.Join(" ", messages);
    }

    private static object?[] Probes(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(TimeSpan) ? [TimeSpan.Zero, TimeSpan.FromSeconds(-1)]
            : t == typeof(int) ? [0, -1, int.MaxValue]
            : t == typeof(long) ? [0L, -1L, long.MaxValue]
            : t == typeof(double) ? [0.0, -1.0, 2.0]
            : t == typeof(string) ? ["", "not-a-url", "/no/such/file.csv"]
            : [];
    }

    private static string Normalize(string failure, object? probe)
    {
        var text = Got().Replace(failure, string.Empty);
        if (probe is string { Length: > 0 } s)
        {
            text = text.Replace($"'{s}' ", string.Empty, StringComparison.Ordinal).Replace($" '{s}'", string.Empty, StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(TimeSpan) ? "duration"
            : t == typeof(int) || t == typeof(long) ? "integer"
            : t == typeof(double) ? "number"
            : t == typeof(bool) ? "true/false"
            : t == typeof(string) ? "text"
            : t.IsEnum ? string.Join(" \\| ", Enum.GetNames(t).Select(n => $"`{n}`"))
            : typeof(IList).IsAssignableFrom(t) ? "list of text"
            : t.Name;
    }

    private static string Format(object? value) => value switch
    {
        null => "none",
        string { Length: 0 } => "none",
        string s => $"`{s}`",
        TimeSpan span => $"`{span.ToString("c", CultureInfo.InvariantCulture)}`",
        bool b => b ? "true" : "false",
        IList { Count: 0 } => "none",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    [GeneratedRegex(@"\s*\(got [^)]*\)|,\s*got \S+?(?=\.?$)", RegexOptions.CultureInvariant)]
    private static partial Regex Got();

    /// <summary>The XML documentation file of an assembly: summaries as plain text (code in backticks).</summary>
    private sealed partial class XmlDocs(Dictionary<string, string> summaries)
    {
        public static XmlDocs Load(Assembly assembly)
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            var doc = XDocument.Load(file);
            return new XmlDocs(doc.Descendants("member")
                .Where(m => m.Element("summary") is not null)
                .ToDictionary(m => (string)m.Attribute("name")!, m => Text(m.Element("summary")!), StringComparer.Ordinal));
        }

        public string Summary(Type type) => summaries.GetValueOrDefault("T:" + type.FullName, string.Empty);

        public string Summary(PropertyInfo property) =>
            summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}", string.Empty);

        private static string Text(XElement element) =>
            Spaces().Replace(string.Concat(element.Nodes().Select(n => n switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" } s => $"`{((string?)s.Attribute("cref") ?? (string?)s.Attribute("langword") ?? string.Empty).Split('.')[^1]}`",
                XElement { Name.LocalName: "paramref" } p => (string?)p.Attribute("name") ?? string.Empty,
                XElement e => Text(e),
                _ => string.Empty,
            })), " ").Trim();

        [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
        private static partial Regex Spaces();
    }
}
