using System.Text.Json;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// Firing alerts as (alertname, cluster, node) keys, read from Rules' <c>/api/v1/alerts</c> and from Prometheus'
/// <c>/api/v1/alerts</c> (the same policy exported as Prometheus rules, evaluated on the same samples: the reference).
/// </summary>
public static class AlertSets
{
    public static async Task<SortedSet<string>> FromRulesAsync(HttpClient http, Uri rules)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(rules, "/api/v1/alerts")).ConfigureAwait(false));
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alert in doc.RootElement.GetProperty("alerts").EnumerateArray())
        {
            if (string.Equals(Get(alert, "state"), "firing", StringComparison.OrdinalIgnoreCase))
            {
                var labels = Property(alert, "labels");
                set.Add(Key(Get(alert, "name"), labels));
            }
        }

        return set;
    }

    public static async Task<SortedSet<string>> FromPrometheusAsync(HttpClient http, Uri prometheus)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(prometheus, "/api/v1/alerts")).ConfigureAwait(false));
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alert in doc.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray())
        {
            if (alert.GetProperty("state").GetString() == "firing")
            {
                var labels = alert.GetProperty("labels");
                set.Add(Key(Get(labels, "alertname"), labels));
            }
        }

        return set;
    }

    private static string Key(string? name, JsonElement? labels) =>
        $"{name} cluster={(labels is { } l ? Get(l, "cluster") : null)} node={(labels is { } m ? Get(m, "node") : null)}";

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static string? Get(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
