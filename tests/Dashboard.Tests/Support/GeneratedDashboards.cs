using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Dashboards;
using AzLocalMonitor.Dashboard.Generation;

namespace AzLocalMonitor.Dashboard.Tests.Support;

/// <summary>The dashboards as the generator serialises them, parsed back, so tests check what ships.</summary>
internal static class GeneratedDashboards
{
    public static IEnumerable<object[]> FileNames() => DashboardCatalog.All.Select(d => new object[] { d.FileName });

    public static JsonObject Json(string fileName)
    {
        var definition = DashboardCatalog.All.Single(d => d.FileName == fileName);
        return JsonNode.Parse(DashboardJson.Serialize(definition.Create().Build().GetOrThrow()))!.AsObject();
    }

    public static IEnumerable<JsonObject> Panels(JsonObject dashboard) => dashboard["panels"]!.AsArray().Select(p => p!.AsObject());

    public static IEnumerable<JsonObject> QueryPanels(JsonObject dashboard) => Panels(dashboard).Where(p => (string?)p["type"] != "row");

    public static IEnumerable<string> Exprs(JsonObject dashboard) =>
        QueryPanels(dashboard).SelectMany(p => p["targets"]!.AsArray()).Select(t => (string)t!["expr"]!);

    public static JsonObject Panel(string fileName, string title) =>
        Panels(Json(fileName)).Single(p => (string?)p["title"] == title);
}
