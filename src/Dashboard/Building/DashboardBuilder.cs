using AzLocalMonitor.Dashboard.Model;

namespace AzLocalMonitor.Dashboard.Building;

/// <summary>
/// Fluent builder of a dashboard, after grafana-foundation-sdk's builders: setters never throw, problems are
/// collected, panels are laid out on the 24-column grid in the order added, and <see cref="Build"/> validates
/// the result (<see cref="DashboardValidator"/>).
/// </summary>
public sealed class DashboardBuilder
{
    /// <summary>The schemaVersion emitted unless set (Grafana 10.4/11.x).</summary>
    public const int DefaultSchemaVersion = 39;

    private readonly List<string> _errors = [];
    private readonly List<object> _items = [];
    private readonly List<Variable> _variables = [];
    private readonly List<DashboardLink> _links = [];
    private readonly List<Annotation> _annotations = [];
    private readonly List<string> _tags = [];
    private readonly string _uid;
    private readonly string _title;
    private string _description = "";
    private string _refresh = "30s";
    private TimeRange _time = new("now-6h", "now");
    private int _schemaVersion = DefaultSchemaVersion;

    public DashboardBuilder(string uid, string title)
    {
        _uid = uid;
        _title = title;
    }

    public DashboardBuilder Description(string text)
    {
        _description = text;
        return this;
    }

    public DashboardBuilder Tags(params string[] tags)
    {
        _tags.AddRange(tags);
        return this;
    }

    /// <summary>Auto-refresh interval (Grafana syntax, e.g. <c>30s</c>).</summary>
    public DashboardBuilder Refresh(string interval)
    {
        _refresh = interval;
        return this;
    }

    public DashboardBuilder Time(string from, string to)
    {
        _time = new TimeRange(from, to);
        return this;
    }

    public DashboardBuilder SchemaVersion(int version)
    {
        _schemaVersion = version;
        return this;
    }

    /// <summary>
    /// Makes a defined variable single-select without "All" (detail dashboards: one cluster, one node at a time, so
    /// simulated or real clusters that all have a <c>node-1</c> never mix on one panel).
    /// </summary>
    public DashboardBuilder SingleSelect(string name)
    {
        var index = _variables.FindIndex(v => v.Name == name);
        if (index < 0)
        {
            _errors.Add($"variable '{name}' made single-select before it is defined");
            return this;
        }

        _variables[index] = _variables[index] with { Multi = false, IncludeAll = false, AllValue = null };
        return this;
    }

    /// <summary>Adds annotation queries, shown on every time panel.</summary>
    public DashboardBuilder Annotations(params Annotation[] annotations)
    {
        _annotations.AddRange(annotations);
        return this;
    }

    public DashboardBuilder Variable(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (_variables.Exists(v => v.Name == variable.Name))
        {
            _errors.Add($"variable '{variable.Name}' is defined twice");
        }

        _variables.Add(variable);
        return this;
    }

    public DashboardBuilder Link(DashboardLink link)
    {
        _links.Add(link);
        return this;
    }

    public DashboardBuilder Links(IEnumerable<DashboardLink> links)
    {
        _links.AddRange(links);
        return this;
    }

    /// <summary>Starts a row: a full-width header on a new line; following panels go below it.</summary>
    public DashboardBuilder Row(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            _errors.Add("a row has no title");
        }

        _items.Add(new RowItem(title));
        return this;
    }

    /// <summary>Adds a panel after the previous one (wrapping when the line is full).</summary>
    public DashboardBuilder Panel(PanelBuilder panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        _items.Add(panel);
        return this;
    }

    /// <summary>Adds panels in order.</summary>
    public DashboardBuilder Panels(params PanelBuilder[] panels)
    {
        foreach (var panel in panels)
        {
            Panel(panel);
        }

        return this;
    }

    /// <summary>Starts a new line even if the current one has room.</summary>
    public DashboardBuilder NewLine()
    {
        _items.Add(NewLineItem.Instance);
        return this;
    }

    /// <summary>Lays out the panels and validates the dashboard; never throws for invalid content.</summary>
    public DashboardBuildResult Build()
    {
        var errors = new List<string>(_errors);
        var layout = new GridLayout();
        var panels = new List<Panel>();
        var usedIds = _items.OfType<PanelBuilder>().Where(p => p.FixedId is not null).Select(p => p.FixedId!.Value).ToHashSet();
        var nextId = 1;

        int NextId()
        {
            while (usedIds.Contains(nextId))
            {
                nextId++;
            }

            return nextId++;
        }

        foreach (var item in _items)
        {
            switch (item)
            {
                case RowItem row:
                    panels.Add(new Panel
                    {
                        Id = NextId(),
                        Type = "row",
                        Title = row.Title,
                        Collapsed = false,
                        Panels = [],
                        GridPos = layout.PlaceRow(),
                    });
                    break;
                case NewLineItem:
                    layout.NewLine();
                    break;
                case PanelBuilder builder:
                    errors.AddRange(builder.Errors);
                    var position = builder.FixedPosition ?? layout.Place(builder.Width, builder.Height);
                    if (builder.FixedPosition is not null)
                    {
                        layout.Reserve(position);
                    }

                    panels.Add(builder.Build(builder.FixedId ?? NextId(), position));
                    break;
            }
        }

        var dashboard = new DashboardModel
        {
            Uid = _uid,
            Title = _title,
            Description = _description,
            Tags = [.. _tags],
            Links = [.. _links],
            Annotations = new Annotations([.. _annotations]),
            Panels = panels,
            Refresh = _refresh,
            SchemaVersion = _schemaVersion,
            Templating = new Templating([.. _variables]),
            Time = _time,
        };
        errors.AddRange(DashboardValidator.Validate(dashboard));
        return errors.Count == 0 ? new DashboardBuildResult(dashboard, []) : new DashboardBuildResult(null, errors.Distinct().ToList());
    }

    private sealed record RowItem(string Title);

    private sealed class NewLineItem
    {
        public static readonly NewLineItem Instance = new();
    }
}
