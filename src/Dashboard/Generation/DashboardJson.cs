using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Generation;

/// <summary>Serialises dashboards deterministically: camelCase, 2-space indent, LF, no nulls except where Grafana needs them, trailing newline.</summary>
public static class DashboardJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep PromQL readable: no \u0022-style escapes for <, >, +, '.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(DashboardModel dashboard) => JsonSerializer.Serialize(dashboard, Options) + "\n";
}
