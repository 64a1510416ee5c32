using System.Text.Json.Nodes;
using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Building;

/// <summary>
/// Fluent builder of one panel. Invalid input is recorded in <see cref="Errors"/> (reported by
/// <see cref="DashboardBuilder.Build"/>) instead of throwing, so one run lists every problem.
/// </summary>
public sealed class PanelBuilder
{
    private readonly List<string> _errors = [];
    private readonly List<PromQuery> _queries = [];
    private readonly List<ValueMapping> _mappings = [];
    private readonly List<FieldOverride> _overrides = [];
    private readonly List<Transformation> _transformations = [];
    private readonly List<DataLink> _dataLinks = [];
    private readonly JsonObject _options;
    private readonly JsonObject _custom;
    private FieldDefaults _defaults = new() { Thresholds = ThresholdsOf("green") };
    private string? _description;
    private DataSourceRef? _datasource = DataSourceRef.PrometheusVariable;

    /// <summary>Starts a panel of a visualisation type with its type-specific options and custom field settings.</summary>
    public PanelBuilder(string type, string title, JsonObject? options = null, JsonObject? custom = null)
    {
        Type = type;
        Title = title;
        _options = options ?? [];
        _custom = custom ?? [];
        if (string.IsNullOrWhiteSpace(title))
        {
            _errors.Add($"a {type} panel has no title");
        }
    }

    public string Type { get; }

    public string Title { get; }

    /// <summary>Width in grid columns (1–24); 8 unless set.</summary>
    public int Width { get; private set; } = 8;

    /// <summary>Height in grid units; 8 unless set.</summary>
    public int Height { get; private set; } = 8;

    /// <summary>Explicit id, or null to let the dashboard number panels in order.</summary>
    public int? FixedId { get; private set; }

    /// <summary>Explicit position, or null for automatic layout.</summary>
    public GridPos? FixedPosition { get; private set; }

    /// <summary>Problems found while building this panel.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public PanelBuilder Description(string text)
    {
        _description = text;
        return this;
    }

    /// <summary>Sets width and height in grid units.</summary>
    public PanelBuilder Size(int width, int height)
    {
        if (width is < 1 or > GridPos.Columns)
        {
            _errors.Add($"panel '{Title}': width {width} outside 1..{GridPos.Columns}");
        }

        if (height < 1)
        {
            _errors.Add($"panel '{Title}': height {height} must be at least 1");
        }

        Width = width;
        Height = height;
        return this;
    }

    /// <summary>Pins the panel at a grid position instead of automatic layout (checked for overflow and overlap).</summary>
    public PanelBuilder At(int x, int y)
    {
        FixedPosition = new GridPos(Height, Width, x, y);
        return this;
    }

    public PanelBuilder Id(int id)
    {
        FixedId = id;
        return this;
    }

    /// <summary>Uses another datasource; null removes it (which validation reports).</summary>
    public PanelBuilder Datasource(DataSourceRef? datasource)
    {
        _datasource = datasource;
        return this;
    }

    /// <summary>Adds a query; refIds A, B, C... follow the order of calls.</summary>
    public PanelBuilder Query(PromQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query.Expr))
        {
            _errors.Add($"panel '{Title}': query {_queries.Count + 1} has an empty expression");
        }

        _queries.Add(query);
        return this;
    }

    /// <summary>Grafana unit id (percentunit, s, bytes, short...).</summary>
    public PanelBuilder Unit(string unit)
    {
        _defaults = _defaults with { Unit = unit };
        return this;
    }

    public PanelBuilder Range(double? min, double? max)
    {
        _defaults = _defaults with { Min = min, Max = max };
        return this;
    }

    public PanelBuilder Decimals(int decimals)
    {
        _defaults = _defaults with { Decimals = decimals };
        return this;
    }

    public PanelBuilder NoValue(string text)
    {
        _defaults = _defaults with { NoValue = text };
        return this;
    }

    /// <summary>Colours values by a threshold scale; steps must ascend.</summary>
    public PanelBuilder Thresholds(Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        for (var i = 2; i < thresholds.Steps.Count; i++)
        {
            if (thresholds.Steps[i].Value <= thresholds.Steps[i - 1].Value)
            {
                _errors.Add($"panel '{Title}': threshold steps are not ascending");
            }
        }

        _defaults = _defaults with { Thresholds = thresholds };
        return this;
    }

    /// <summary>Colours series by the classic palette (graphs with many series) instead of thresholds.</summary>
    public PanelBuilder PaletteColors()
    {
        _defaults = _defaults with { Color = new FieldColor("palette-classic") };
        return this;
    }

    public PanelBuilder Mapping(ValueMapping mapping)
    {
        _mappings.Add(mapping);
        return this;
    }

    public PanelBuilder Override(FieldOverride fieldOverride)
    {
        _overrides.Add(fieldOverride);
        return this;
    }

    public PanelBuilder Transform(Transformation transformation)
    {
        _transformations.Add(transformation);
        return this;
    }

    /// <summary>Adds a link on every value (drill-down).</summary>
    public PanelBuilder DataLink(DataLink link)
    {
        _dataLinks.Add(link);
        return this;
    }

    /// <summary>Sets a visualisation option (e.g. <c>textMode</c>), replacing the factory default.</summary>
    public PanelBuilder Option(string key, JsonNode? value)
    {
        _options[key] = value;
        return this;
    }

    /// <summary>Sets a custom field setting (e.g. <c>thresholdsStyle</c>), replacing the factory default.</summary>
    public PanelBuilder Custom(string key, JsonNode? value)
    {
        _custom[key] = value;
        return this;
    }

    /// <summary>Creates the panel at its id and grid position.</summary>
    public Panel Build(int id, GridPos position)
    {
        var targets = _queries.Select((q, i) => new Target
        {
            Datasource = _datasource ?? DataSourceRef.PrometheusVariable,
            Expr = q.Expr,
            Format = q.Table ? "table" : "time_series",
            Instant = q.Instant,
            Range = !q.Instant,
            LegendFormat = q.Legend ?? "__auto",
            RefId = RefId(i),
        }).ToList();

        return new Panel
        {
            Id = id,
            Type = Type,
            Title = Title,
            Description = _description,
            Datasource = _datasource,
            GridPos = position,
            Targets = targets,
            FieldConfig = new FieldConfig(
                _defaults with
                {
                    Custom = (JsonObject)_custom.DeepClone(),
                    Mappings = [.. _mappings],
                    Links = _dataLinks.Count > 0 ? [.. _dataLinks] : null,
                },
                [.. _overrides]),
            Options = (JsonObject)_options.DeepClone(),
            Transformations = _transformations.Count > 0 ? [.. _transformations] : null,
        };
    }

    /// <summary>A threshold scale with a base colour and (colour, from-value) steps.</summary>
    public static Thresholds ThresholdsOf(string baseColor, params (string Color, double Value)[] steps) =>
        new("absolute", [new ThresholdStep(baseColor, null), .. steps.Select(s => new ThresholdStep(s.Color, s.Value))]);

    private static string RefId(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : "Q" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
