using System.Text.Json.Serialization;

namespace AzLocalMonitor.Dashboard.Model;

/// <summary>A Grafana dashboard (JSON model, schemaVersion 39–41) as <see cref="Building.DashboardBuilder"/> produces it.</summary>
public sealed record DashboardModel
{
    /// <summary>Fixed, so links and provisioning survive regeneration.</summary>
    public required string Uid { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Annotation queries (critical alert onsets, node state changes, maintenance, repairs).</summary>
    public Annotations Annotations { get; init; } = new([]);

    public bool Editable { get; init; } = true;

    public int FiscalYearStartMonth { get; init; }

    /// <summary>1 = shared crosshair across panels.</summary>
    public int GraphTooltip { get; init; } = 1;

    /// <summary>Always null: Grafana assigns database ids.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? Id { get; init; }

    public IReadOnlyList<DashboardLink> Links { get; init; } = [];

    public bool LiveNow { get; init; }

    public required IReadOnlyList<Panel> Panels { get; init; }

    public string Refresh { get; init; } = "30s";

    public required int SchemaVersion { get; init; }

    public required Templating Templating { get; init; }

    public TimeRange Time { get; init; } = new("now-6h", "now");

    public string Timezone { get; init; } = "browser";

    public int Version { get; init; } = 1;

    public string WeekStart { get; init; } = "";
}
