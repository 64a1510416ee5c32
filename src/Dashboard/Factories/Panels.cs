using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Building;

namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>Panel factories: each returns a <see cref="PanelBuilder"/> with the visualisation's usual options.</summary>
public static class Panels
{
    /// <summary>One big number per series, background coloured by thresholds (latest value).</summary>
    public static PanelBuilder Stat(string title) =>
        new PanelBuilder("stat", title, new JsonObject
        {
            ["colorMode"] = "background",
            ["graphMode"] = "none",
            ["justifyMode"] = "auto",
            ["orientation"] = "auto",
            ["reduceOptions"] = LastValue(),
            ["showPercentChange"] = false,
            ["textMode"] = "auto",
            ["wideLayout"] = true,
        }).Size(4, 4);

    /// <summary>Lines over time with a table legend (last, max); series coloured by palette.</summary>
    public static PanelBuilder TimeSeries(string title) =>
        new PanelBuilder("timeseries", title, new JsonObject
        {
            ["legend"] = new JsonObject
            {
                ["calcs"] = new JsonArray("lastNotNull", "max"),
                ["displayMode"] = "table",
                ["placement"] = "bottom",
                ["showLegend"] = true,
            },
            ["tooltip"] = new JsonObject { ["mode"] = "multi", ["sort"] = "desc" },
        }, new JsonObject
        {
            ["drawStyle"] = "line",
            ["fillOpacity"] = 10,
            ["lineInterpolation"] = "linear",
            ["lineWidth"] = 1,
            ["showPoints"] = "never",
            ["spanNulls"] = false,
            ["stacking"] = new JsonObject { ["group"] = "A", ["mode"] = "none" },
            ["thresholdsStyle"] = new JsonObject { ["mode"] = "off" },
        }).PaletteColors();

    /// <summary>A time series that draws its thresholds as dashed lines (budgets).</summary>
    public static PanelBuilder TimeSeriesWithBudget(string title) =>
        TimeSeries(title).Custom("thresholdsStyle", new JsonObject { ["mode"] = "dashed" });

    /// <summary>Horizontal bars, one per series, coloured by thresholds (latest value).</summary>
    public static PanelBuilder BarGauge(string title) =>
        new PanelBuilder("bargauge", title, new JsonObject
        {
            ["displayMode"] = "gradient",
            ["maxVizHeight"] = 300,
            ["minVizHeight"] = 16,
            ["minVizWidth"] = 8,
            ["namePlacement"] = "auto",
            ["orientation"] = "horizontal",
            ["reduceOptions"] = LastValue(),
            ["showUnfilled"] = true,
            ["sizing"] = "auto",
            ["valueMode"] = "color",
        });

    /// <summary>A table of labels and values (instant queries), filterable, colour per column via overrides.</summary>
    public static PanelBuilder Table(string title) =>
        new PanelBuilder("table", title, new JsonObject
        {
            ["cellHeight"] = "sm",
            ["footer"] = new JsonObject
            {
                ["countRows"] = false,
                ["fields"] = "",
                ["reducer"] = new JsonArray("sum"),
                ["show"] = false,
            },
            ["showHeader"] = true,
        }, new JsonObject
        {
            ["align"] = "auto",
            ["cellOptions"] = new JsonObject { ["type"] = "auto" },
            ["filterable"] = true,
            ["inspect"] = false,
        }).Size(12, 8);

    /// <summary>Coloured bands of a state over time, one lane per series (value mappings give names and colours).</summary>
    public static PanelBuilder StateTimeline(string title) =>
        new PanelBuilder("state-timeline", title, new JsonObject
        {
            ["alignValue"] = "left",
            ["legend"] = new JsonObject { ["displayMode"] = "list", ["placement"] = "bottom", ["showLegend"] = true },
            ["mergeValues"] = true,
            ["rowHeight"] = 0.9,
            ["showValue"] = "auto",
            ["tooltip"] = new JsonObject { ["mode"] = "single", ["sort"] = "none" },
        }, new JsonObject
        {
            ["fillOpacity"] = 80,
            ["lineWidth"] = 0,
        });

    private static JsonObject LastValue() => new()
    {
        ["calcs"] = new JsonArray("lastNotNull"),
        ["fields"] = "",
        ["values"] = false,
    };
}
