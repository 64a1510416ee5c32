namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// One row of the alerting oracle: a simulator scenario (and what the test does around it) with, written from the
/// module and docs/reference/alerts.md (never from Rules' output), the alert names that must reach each Alertmanager receiver
/// — pager (critical: a page), chat (warning), log (info) — and nothing else.
/// </summary>
public sealed record OracleScenario
{
    /// <summary>The oracle's name for the situation (the table's first column).</summary>
    public required string Name { get; init; }

    /// <summary>A shipped scenario of src/Collector/scenarios.</summary>
    public required string Scenario { get; init; }

    /// <summary>Its cluster (each row has its own, so rows run side by side on one Rules and one Alertmanager).</summary>
    public required string Cluster { get; init; }

    /// <summary>Scenario seconds per real second.</summary>
    public double TimeScale { get; init; } = 5;

    /// <summary>cluster: one exporter reports every node; node: one agent per node, as in production.</summary>
    public string Agents { get; init; } = "cluster";

    /// <summary>A maintenance window covering the whole run is opened for the cluster before it starts.</summary>
    public bool Window { get; init; }

    /// <summary>The exporter is stopped (telemetry cut) at this real time, and started again at <see cref="RestoreAt"/>.</summary>
    public TimeSpan? CutAt { get; init; }

    public TimeSpan? RestoreAt { get; init; }

    /// <summary>How long (real time) notifications are collected: past the last event, the inhibition grace and the receivers' waits.</summary>
    public required TimeSpan ObserveFor { get; init; }

    /// <summary>The incidents of the scenario and their pages, in words (an incident pages at most once).</summary>
    public required string Incidents { get; init; }

    /// <summary>Alert names that page (receiver pager), each exactly once.</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>Alert names that notify chat (warning).</summary>
    public IReadOnlyList<string> Chat { get; init; } = [];

    /// <summary>Alert names that reach the log receiver (info).</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>Alerts (name + some labels) that must be among those paged (e.g. StorageDegraded with impact=data_offline).</summary>
    public IReadOnlyList<AlertMatch> MustPage { get; init; } = [];

    /// <summary>Alerts (name + some labels) that must be among those notified to chat.</summary>
    public IReadOnlyList<AlertMatch> MustChat { get; init; } = [];

    /// <summary>History backfilled into Rules before the run (the capacity forecast row).</summary>
    public MemoryHistory? History { get; init; }

    /// <summary>Alerts that must reach no receiver at all, with why (the oracle's explicit non-pages).</summary>
    public required IReadOnlyList<AlertMatch> MustNotNotify { get; init; }

    /// <summary>Where the spec is silent or ambiguous: alert names a receiver may get without counting as extra.</summary>
    public IReadOnlyList<(string Receiver, string Alert, string Why)> Tolerated { get; init; } = [];

    /// <summary>The passages of the module and of docs/reference/alerts.md this row's expectations come from.</summary>
    public required string Source { get; init; }

    public override string ToString() => Name;
}

/// <summary>An alert name and a subset of its labels, with the reason the oracle cares.</summary>
public sealed record AlertMatch(string Alert, string Why, params (string Label, string Value)[] Labels)
{
    public bool Matches(NotifiedAlert alert) =>
        alert.Name == Alert && Labels.All(l => alert.Labels.TryGetValue(l.Label, out var v) && v == l.Value);

    public override string ToString() =>
        Labels.Length == 0 ? Alert : $"{Alert}{{{string.Join(", ", Labels.Select(l => $"{l.Label}={l.Value}"))}}}";
}
