using System.Text.Json.Nodes;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A Grafana data transformation (<c>merge</c>, <c>organize</c>...) and its options.</summary>
public sealed record Transformation(string Id, JsonObject Options);
