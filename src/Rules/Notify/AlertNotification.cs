using System.Diagnostics;
using System.Text.Json.Serialization;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>One alert as Alertmanager's v2 API takes it (<c>POST /api/v2/alerts</c>): an immutable snapshot.</summary>
public sealed record AlertNotification(
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl)
{
    /// <summary>The evaluation span that raised it, so the delivery span links back to it (default: none).</summary>
    [JsonIgnore]
    public ActivityContext Origin { get; init; }
}
