using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Building;
using AzLocalMonitor.Dashboard.Dashboards;
using AzLocalMonitor.Dashboard.Factories;
using AzLocalMonitor.Dashboard.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Dashboard.Tests.Dashboards;

public class DashboardCatalogTests
{
    /// <summary>What Rules exposes besides the catalog (the brief's contract), written out so a typo in RulesMetric fails.</summary>
    private static readonly string[] RulesExposed =
    [
        "ALERTS", "azlm_ingest_samples_total", "azlm_ingest_requests_total", "azlm_series_active", "azlm_notifications_sent_total",
        "azlm_notifications_failed_total", "azlm_notifications_dropped_total", "azlm_node_last_report_timestamp_seconds",
        "azlocal_capacity_exhaustion_timestamp_seconds", "azlocal_capacity_forecast",
        "ALERTS_FOR_STATE", "azlm_cluster_last_report_timestamp_seconds", "azlocal_policy_threshold",
        "azlocal_capacity_usable_bytes", "azlocal_capacity_reserve_bytes", "azlocal_capacity_n_plus_one_ratio",
        "azlocal_capacity_n_plus_one_holds", "azlocal_capacity_fault_tolerance", "up",
    ];

    public static IEnumerable<object[]> FileNames() => GeneratedDashboards.FileNames();

    [Fact]
    public void Catalog_HasTheSixDashboardsWithFixedUniqueUids()
    {
        Assert.Equal(
            ["azlm-fleet-overview", "azlm-cluster-overview", "azlm-node", "azlm-storage-rebuild", "azlm-capacity-forecast", "azlm-alerts"],
            DashboardCatalog.All.Select(d => d.Uid));
        Assert.Equal(DashboardCatalog.All.Count, DashboardCatalog.All.Select(d => d.FileName).Distinct().Count());
        Assert.Contains(DashboardCatalog.All, d => d.FileName == "cluster-overview.json");
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_BuildsWithoutErrors(string fileName)
    {
        var definition = DashboardCatalog.All.Single(d => d.FileName == fileName);

        var result = definition.Create().Build();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(definition.Uid, result.Dashboard!.Uid);
        Assert.Equal(definition.Title, result.Dashboard.Title);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_Json_HasSchemaVersionUidAndUniquePanelIds(string fileName)
    {
        var json = GeneratedDashboards.Json(fileName);

        Assert.InRange((int)json["schemaVersion"]!, DashboardValidator.MinSchemaVersion, DashboardValidator.MaxSchemaVersion);
        Assert.Matches("^azlm-[a-z-]+$", (string)json["uid"]!);
        var ids = GeneratedDashboards.Panels(json).Select(p => (int)p["id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(DashboardDefaults.Tag, json["tags"]!.AsArray().Select(t => (string)t!));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_EveryPanelHasPrometheusTargetsWithExpressions(string fileName)
    {
        var json = GeneratedDashboards.Json(fileName);

        foreach (var panel in GeneratedDashboards.QueryPanels(json))
        {
            var title = (string)panel["title"]!;
            Assert.Equal("prometheus", (string?)panel["datasource"]?["type"]);
            Assert.Equal("${datasource}", (string?)panel["datasource"]?["uid"]);
            var targets = panel["targets"]?.AsArray();
            Assert.True(targets is { Count: > 0 }, $"panel '{title}' has no targets");
            Assert.All(targets!, t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["expr"]), $"panel '{title}' has an empty expr"));
            Assert.False(string.IsNullOrWhiteSpace((string?)panel["description"]), $"panel '{title}' has no description");
        }
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_PanelsStayInsideTheGridWithoutOverlap(string fileName)
    {
        var boxes = GeneratedDashboards.Panels(GeneratedDashboards.Json(fileName))
            .Select(p => p["gridPos"]!)
            .Select(g => (X: (int)g["x"]!, Y: (int)g["y"]!, W: (int)g["w"]!, H: (int)g["h"]!))
            .ToList();

        Assert.All(boxes, b => Assert.InRange(b.X + b.W, 1, 24));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H, $"panels {i} and {j} overlap");
            }
        }
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_EveryMetricNameIsInTheCatalogOrExposedByRules(string fileName)
    {
        var known = MetricCatalog.All.Select(d => d.PrometheusName).Concat(RulesExposed).ToHashSet(StringComparer.Ordinal);

        var used = GeneratedDashboards.Exprs(GeneratedDashboards.Json(fileName)).SelectMany(PromQlNames.MetricNames).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Subset(known, used);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_ExpressionsUseOnlyPortableVariables(string fileName)
    {
        // A later test runs every query on plain Prometheus after substituting these variables.
        foreach (var expr in GeneratedDashboards.Exprs(GeneratedDashboards.Json(fileName)))
        {
            Assert.DoesNotContain("$", Queries.Substitute(expr), StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_HasDatasourceAndClusterVariables(string fileName)
    {
        var variables = GeneratedDashboards.Json(fileName)["templating"]!["list"]!.AsArray().Select(v => v!.AsObject()).ToList();

        var datasource = variables.Single(v => (string?)v["name"] == "datasource");
        Assert.Equal("datasource", (string?)datasource["type"]);
        Assert.Equal("prometheus", (string?)datasource["query"]);
        var cluster = variables.Single(v => (string?)v["name"] == "cluster");
        Assert.Equal("query", (string?)cluster["type"]);
        Assert.StartsWith("label_values(", (string?)cluster["query"]!["query"], StringComparison.Ordinal);
        Assert.All(variables.Where(v => (string?)v["type"] == "query"),
            v => Assert.Equal((string?)v["definition"], (string?)v["query"]!["query"]));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Dashboard_LinksPointAtGeneratedDashboards(string fileName)
    {
        var json = GeneratedDashboards.Json(fileName);
        var uids = DashboardCatalog.All.Select(d => d.Uid).ToHashSet();
        var headerLinks = json["links"]!.AsArray().Select(l => (string)l!["url"]!).ToList();
        var dataLinks = json.ToJsonString().Split("\"url\":\"").Skip(1).Select(s => s[..s.IndexOf('"', StringComparison.Ordinal)]);

        Assert.Equal(DashboardCatalog.All.Count - 1, headerLinks.Count);
        // The one link out of Grafana: Rules' capacity report, at the address the $rules variable holds.
        foreach (var url in headerLinks.Concat(dataLinks).Where(u => !u.StartsWith("${rules}/api/v1/capacity/", StringComparison.Ordinal) || !u.EndsWith("/report", StringComparison.Ordinal)))
        {
            Assert.StartsWith("/d/", url, StringComparison.Ordinal);
            var uid = url[3..].Split('?')[0];
            Assert.Contains(uid, uids);
        }
    }

    [Fact]
    public void NodeDashboard_HasNodeVariableFilteredByCluster()
    {
        var node = GeneratedDashboards.Json("node.json")["templating"]!["list"]!.AsArray().Single(v => (string?)v!["name"] == "node")!;

        Assert.Equal("label_values(azlocal_node_state{cluster=~\"$cluster\"}, node)", (string?)node["definition"]);
    }

    [Fact]
    public void PromQlNames_FindsMetricsNotFunctionsLabelsOrKeywords()
    {
        var names = PromQlNames.MetricNames(
            "sum by (cluster, job) (deriv(azlocal_storage_repair_processed_bytes{cluster=~\"$cluster\", job!=\"x\"}[5m])) / on (cluster) group_left ALERTS{alertstate=\"firing\"} or vector(0) > 1e6 and time() - up offset 5m");

        Assert.Equal(new HashSet<string> { "azlocal_storage_repair_processed_bytes", "ALERTS", "up" }, names);
    }

    [Fact]
    public void AllDashboards_TogetherUseTheCoreSeries()
    {
        var used = DashboardCatalog.All
            .SelectMany(d => GeneratedDashboards.Exprs(GeneratedDashboards.Json(d.FileName)))
            .SelectMany(PromQlNames.MetricNames)
            .ToHashSet();

        Assert.Subset(used, MetricCatalog.All.Select(d => d.PrometheusName).ToHashSet());
        Assert.Subset(used, RulesExposed.ToHashSet());
        Assert.Equal(RulesExposed.Order(), RulesMetric.All.Order());
    }
}
