using System.Text.Json.Nodes;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>Field settings applied to every series of a panel.</summary>
public sealed record FieldDefaults
{
    public FieldColor Color { get; init; } = new("thresholds");

    /// <summary>Visualisation-specific settings (line width, cell options...).</summary>
    public JsonObject? Custom { get; init; }

    public int? Decimals { get; init; }

    /// <summary>Drill-down links attached to every value.</summary>
    public IReadOnlyList<DataLink>? Links { get; init; }

    public IReadOnlyList<ValueMapping> Mappings { get; init; } = [];

    public double? Max { get; init; }

    public double? Min { get; init; }

    /// <summary>Text shown when the query returns nothing.</summary>
    public string? NoValue { get; init; }

    public required Thresholds Thresholds { get; init; }

    /// <summary>Grafana unit id: <c>percentunit</c>, <c>s</c>, <c>bytes</c>, <c>short</c>...</summary>
    public string Unit { get; init; } = "short";
}
