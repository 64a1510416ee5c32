using System.Text.Json.Nodes;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A template variable: a datasource picker or a label_values(...) query.</summary>
public sealed record Variable
{
    /// <summary>Value used for "All" (e.g. <c>.*</c>), so queries stay cheap and work before any value exists.</summary>
    public string? AllValue { get; init; }

    /// <summary>Left empty so Grafana picks the default/first value.</summary>
    public JsonObject Current { get; init; } = [];

    public DataSourceRef? Datasource { get; init; }

    /// <summary>Query variables: the query text shown in the editor.</summary>
    public string? Definition { get; init; }

    public string? Description { get; init; }

    /// <summary>0 shows label and value, 2 hides the variable.</summary>
    public int Hide { get; init; }

    public bool IncludeAll { get; init; }

    public required string Label { get; init; }

    public bool Multi { get; init; }

    /// <summary>Referenced in queries as <c>$name</c>.</summary>
    public required string Name { get; init; }

    public IReadOnlyList<JsonObject> Options { get; init; } = [];

    /// <summary>Datasource variables: the plugin type (<c>prometheus</c>); query variables: a <see cref="VariableQuery"/>.</summary>
    public required object Query { get; init; }

    /// <summary>1 on dashboard load, 2 on time range change.</summary>
    public int Refresh { get; init; } = 1;

    public string Regex { get; init; } = "";

    /// <summary>1 = alphabetical ascending.</summary>
    public int? Sort { get; init; }

    /// <summary><c>datasource</c> or <c>query</c>.</summary>
    public required string Type { get; init; }
}
