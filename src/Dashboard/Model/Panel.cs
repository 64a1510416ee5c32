using System.Text.Json.Nodes;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A Grafana panel, or a row (type <c>row</c>, no queries).</summary>
public sealed record Panel
{
    /// <summary>Rows only: whether the row is folded.</summary>
    public bool? Collapsed { get; init; }

    public DataSourceRef? Datasource { get; init; }

    /// <summary>What the panel means for a NOC engineer.</summary>
    public string? Description { get; init; }

    public FieldConfig? FieldConfig { get; init; }

    public required GridPos GridPos { get; init; }

    /// <summary>Unique within the dashboard, positive.</summary>
    public required int Id { get; init; }

    /// <summary>Panel links (shown in the panel header).</summary>
    public IReadOnlyList<DataLink>? Links { get; init; }

    public JsonObject? Options { get; init; }

    /// <summary>Rows only: the panels of a collapsed row (always empty: rows stay open).</summary>
    public IReadOnlyList<Panel>? Panels { get; init; }

    public IReadOnlyList<Target>? Targets { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<Transformation>? Transformations { get; init; }

    /// <summary>Visualisation: <c>stat</c>, <c>timeseries</c>, <c>table</c>, <c>bargauge</c>, <c>state-timeline</c>, <c>row</c>...</summary>
    public required string Type { get; init; }

    /// <summary>True for row panels.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRow => Type == "row";
}
