using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// The OTLP resource of the agent's batches: what the OpenTelemetry SDK's default resource plus
/// <c>AddService</c> and the cluster/host attributes gave, built by hand now that the agent has no SDK. Rules reads
/// <see cref="ResourceAttributes.Cluster"/> and <see cref="ResourceAttributes.HostName"/>; the rest is for other
/// OTLP destinations. Attributes from the standard <c>OTEL_RESOURCE_ATTRIBUTES</c> variable are kept (as the SDK
/// did) unless the agent sets the same key.
/// </summary>
internal static class AgentResource
{
    /// <summary>The OpenTelemetry variable with extra resource attributes: <c>key=value,key=value</c>, values URL-encoded.</summary>
    public const string EnvironmentVariable = "OTEL_RESOURCE_ATTRIBUTES";

    /// <param name="fromEnvironment">The value of <see cref="EnvironmentVariable"/> (null: not set).</param>
    public static List<KeyValuePair<string, string>> Build(string serviceName, string cluster, string hostName, string? fromEnvironment)
    {
        var version = typeof(AgentResource).Assembly.GetName().Version?.ToString();
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var pair in (fromEnvironment ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                attributes.Add(new(Uri.UnescapeDataString(pair[..equals].Trim()), Uri.UnescapeDataString(pair[(equals + 1)..].Trim())));
            }
        }

        // Semantic conventions: an SDK other than OpenTelemetry's names itself in telemetry.sdk.name.
        Set(attributes, "telemetry.sdk.name", serviceName);
        Set(attributes, "telemetry.sdk.language", "dotnet");
        Set(attributes, "telemetry.sdk.version", version ?? string.Empty);
        Set(attributes, "service.name", serviceName);
        if (version is not null)
        {
            Set(attributes, "service.version", version);
        }

        // Distinguishes two runs of the same node, as the SDK's generated instance id did.
        Set(attributes, "service.instance.id", Guid.NewGuid().ToString());
        Set(attributes, ResourceAttributes.Cluster, cluster);
        Set(attributes, ResourceAttributes.HostName, hostName);
        return attributes;
    }

    private static void Set(List<KeyValuePair<string, string>> attributes, string key, string value)
    {
        attributes.RemoveAll(a => a.Key == key);
        attributes.Add(new(key, value));
    }
}
