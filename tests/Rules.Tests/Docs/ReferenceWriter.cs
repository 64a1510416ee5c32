using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Docs;

/// <summary>
/// Writes docs/reference/metrics.md from the metric catalog (src/Telemetry) and docs/reference/alerts.md from the
/// shipped default policy, so the user-facing reference is the code's own description, never a copy that drifts.
/// </summary>
public static class ReferenceWriter
{
    public static string Metrics()
    {
        var sb = new StringBuilder();
        sb.Append("# Metric reference\n\n");
        sb.Append("Generated from the metric catalog (`src/Telemetry/MetricCatalog.cs`) by `tests/Rules.Tests/Docs/ReferenceWriter.cs`;\n");
        sb.Append("a test fails when this file drifts (regenerate: `AZLM_UPDATE_GENERATED=1 dotnet test tests/Rules.Tests --filter ReferenceDocs`).\n\n");
        sb.Append("Agents send OpenTelemetry instruments over OTLP; Rules exposes them on `/metrics` under the Prometheus name. Scope `node`:\n");
        sb.Append("the series carries `node` (data-point attribute `node`, else the resource's `host.name`); scope `cluster`: one series per\n");
        sb.Append("cluster, the latest report of any node wins. Every series carries `cluster` (data-point attribute `cluster`, else the\n");
        sb.Append("resource attribute `azlocal.cluster`). State sets report 1 for the current state and 0 for the others.\n\n");
        sb.Append("| instrument (OTLP) | Prometheus name | scope | unit | type | labels | meaning |\n|---|---|---|---|---|---|---|\n");
        foreach (var m in MetricCatalog.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{m.Instrument}` | `{m.PrometheusName}` | {m.Scope.ToString().ToLowerInvariant()} | {(m.Unit.Length == 0 ? "–" : $"`{m.Unit}`")} | {m.Kind.ToString().ToLowerInvariant()} | {Labels(m)} | {Cell(m.Help)} |\n");
        }

        sb.Append("\n## Where the agent reads them\n\n");
        sb.Append("From `src/Telemetry/MetricSources.cs`. The simulated source produces every instrument; \"–\": the platform does not report it.\n");
        sb.Append("How the Windows readers are verified: [../windows-agent.md](../windows-agent.md).\n\n");
        sb.Append("| instrument | Windows (Azure Local node) | Linux host |\n|---|---|---|\n");
        foreach (var m in MetricCatalog.All)
        {
            var (windows, linux) = MetricSources.ByInstrument[m.Instrument];
            sb.Append(CultureInfo.InvariantCulture, $"| `{m.Instrument}` | {Cell(windows ?? "–")} | {Cell(linux ?? "–")} |\n");
        }

        sb.Append("\n## Rules' own metrics\n\n");
        sb.Append("Rules' `System.Diagnostics.Metrics` instruments (meter `AzLocalMonitor.Rules`, `src/Rules/Diagnostics/SelfMetrics.cs` and\n");
        sb.Append("`RulesTelemetry.cs`), exported through the OpenTelemetry Prometheus exporter at the end of `/metrics` (and over OTLP when\n");
        sb.Append("`Otel:Endpoint` is set). Besides them `/metrics` carries `ALERTS`, `azlm_node_last_report_timestamp_seconds`,\n");
        sb.Append("`azlm_cluster_last_report_timestamp_seconds`, `azlm_cluster_first_report_timestamp_seconds`, `azlm_maintenance_window_active`\n");
        sb.Append("and the `azlocal_capacity_*` series (docs/capacity.md), written with the fleet's series.\n\n");
        sb.Append("| name on /metrics | type | unit | meaning |\n|---|---|---|---|\n");
        foreach (var (name, type, unit, help) in SelfInstruments())
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{name}` | {type} | {(string.IsNullOrEmpty(unit) ? "–" : $"`{unit}`")} | {Cell(help)} |\n");
        }

        sb.Append("\n## State values\n\n| state set | values |\n|---|---|\n");
        foreach (var (name, values) in new (string, IReadOnlyList<string>)[]
        {
            ("node state", MetricCatalog.States.Node), ("node drain", MetricCatalog.States.Drain), ("witness", MetricCatalog.States.Witness),
            ("health (pool, volume)", MetricCatalog.States.Health), ("volume operational", MetricCatalog.States.VolumeOperational),
        })
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {name} | {string.Join(", ", values.Select(v => $"`{v}`"))} |\n");
        }

        return sb.ToString();
    }

    public static string Alerts(AlertPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sb = new StringBuilder();
        sb.Append("# Alert reference\n\n");
        sb.Append("Generated from the shipped default policy (`deploy/rules/azlocal-policy.yaml`) by `tests/Rules.Tests/Docs/ReferenceWriter.cs`;\n");
        sb.Append("a test fails when this file drifts. Your own policy files override it (README, \"Alerting policy\"); `GET /api/v1/policy`\n");
        sb.Append("shows what is in force. How alerts live and are muted: [../alerting.md](../alerting.md).\n\n");
        sb.Append("| alert | severity | condition | for | keep_firing_for | threshold | parameters |\n|---|---|---|---|---|---|---|\n");
        foreach (var rule in policy.Rules.Select(r => r.Definition))
        {
            var s = rule.Settings;
            sb.Append(CultureInfo.InvariantCulture, $"| {rule.Name} | {rule.Severity} | `{rule.Condition}` | {DurationText.Format(s.For)} | {(s.KeepFiringFor > TimeSpan.Zero ? DurationText.Format(s.KeepFiringFor) : "–")} | {(s.Threshold is { } t ? t.ToString("0.####", CultureInfo.InvariantCulture) : "–")} | {(s.Parameters.Count == 0 ? "–" : string.Join(", ", s.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")))} |\n");
        }

        sb.Append("\n## Inhibition\n\n| source | mutes | target matchers | equal |\n|---|---|---|---|\n");
        foreach (var rule in policy.InhibitRules)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {rule.Source} | {(rule.Targets.Count == 0 ? "every other alert" : string.Join(", ", rule.Targets))} | {(rule.TargetMatchers.Count == 0 ? "–" : string.Join(", ", rule.TargetMatchers.Select(m => $"`{m}`")))} | {string.Join(", ", rule.Equal)} |\n");
        }

        sb.Append("\n## Recovery holds\n\nAfter its inhibition ends, a target stays muted while the recovering alert is active (pending or firing) and none of the\n");
        sb.Append("alerts under \"unless\" is; then it gets `Alerting:InhibitionGrace` like any other ([../alerting.md](../alerting.md)).\n\n");
        sb.Append("| target | target matchers | while | unless | equal |\n|---|---|---|---|---|\n");
        foreach (var hold in policy.RecoveryHolds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {string.Join(", ", hold.Targets)} | {(hold.TargetMatchers.Count == 0 ? "–" : string.Join(", ", hold.TargetMatchers.Select(m => $"`{m}`")))} | {hold.While} | {(hold.Unless.Count == 0 ? "–" : string.Join(", ", hold.Unless))} | {string.Join(", ", hold.Equal)} |\n");
        }

        sb.Append("\n## Conditions, annotations and runbooks\n\n`{label}` is filled from the alert's labels, other `{names}` from the condition's details.\n");
        sb.Append("The condition is written as the PromQL Rules' own evaluation is checked against (the generated Prometheus rules use it).\n");
        foreach (var rule in policy.Rules)
        {
            var d = rule.Definition;
            sb.Append(CultureInfo.InvariantCulture, $"\n### {d.Name} ({d.Severity})\n\n- **condition** (`{d.Condition}`, as PromQL over `/metrics`): `{rule.Condition.ToPromQl(d.Settings)}`\n- **summary**: {d.Summary}\n- **description**: {d.Description}\n- **runbook**: {d.Runbook}\n");
        }

        return sb.ToString();
    }

    /// <summary>Every instrument Rules' self-metrics publish, as a MeterListener sees them (gauges over app state included).</summary>
    public static List<(string Name, string Type, string? Unit, string Help)> SelfInstruments()
    {
        var found = new List<(string, string, string?, string)>();
        using var metrics = new SelfMetrics();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    var type = instrument.GetType().Name.Split('`')[0] switch
                    {
                        "Counter" => "counter",
                        "Histogram" => "histogram",
                        _ => "gauge",
                    };
                    found.Add((instrument.Name, type, instrument.Unit, instrument.Description ?? string.Empty));
                }
            },
        };
        listener.Start();
        RulesTelemetry.ObserveGauges(metrics.Meter, new Rules.Series.SeriesStore(Microsoft.Extensions.Options.Options.Create(new Rules.Series.SeriesOptions())), new Rules.Notify.NullNotifier());
        return [.. found.OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }

    private static string Labels(MetricDefinition m) =>
        string.Join(", ", new[] { "cluster" }.Concat(m.Scope == MetricScope.Node ? ["node"] : []).Concat(m.Labels).Select(l => $"`{l}`"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
