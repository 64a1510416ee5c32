using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Muting;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>
/// Loads the alerting policy from YAML: the default policy file first, then user files that override alerts
/// (matched by name, and severity where one name has several), add alerts, set per-cluster overrides, inhibit
/// rules and maintenance windows. Every error is reported with file and line; nothing is half-loaded.
/// </summary>
public sealed partial class PolicyLoader
{
    private static readonly string[] Severities = ["critical", "warning", "info"];
    private readonly ConditionCatalog _conditions;

    public PolicyLoader(ConditionCatalog conditions) => _conditions = conditions;

    /// <summary>Loads and merges <paramref name="files"/> in order; throws <see cref="PolicyException"/> listing every problem.</summary>
    public AlertPolicy LoadFiles(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var documents = new List<(string, string)>();
        var errors = new List<PolicyError>();
        foreach (var file in files)
        {
            try
            {
                documents.Add((file, File.ReadAllText(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new PolicyError(file, 0, 0, $"cannot read: {ex.Message}"));
            }
        }

        return errors.Count > 0 ? throw new PolicyException(errors) : Load(documents);
    }

    /// <summary>Loads and merges documents given as (name, YAML text).</summary>
    public AlertPolicy Load(IReadOnlyList<(string Name, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var errors = new List<PolicyError>();
        var alerts = new List<DraftAlert>();
        var inhibit = new List<InhibitRule>();
        var holds = new List<RecoveryHold>();
        var windows = new List<MaintenanceWindow>();
        var overrides = new List<(string File, YamlNode Node, string Cluster, string Key, RuleOverride Override)>();
        foreach (var (name, text) in documents)
        {
            var reader = new YamlReader(name, errors);
            if (Parse(name, text, reader) is not { } root)
            {
                continue;
            }

            var top = reader.Map(root, "the policy", "alerts", "inhibit", "recovery_holds", "clusters", "maintenance");
            if (top.TryGetValue("alerts", out var alertsNode))
            {
                foreach (var node in reader.Sequence(alertsNode, "alerts"))
                {
                    MergeAlert(reader, name, node, alerts);
                }
            }

            if (top.TryGetValue("inhibit", out var inhibitNode))
            {
                foreach (var node in reader.Sequence(inhibitNode, "inhibit"))
                {
                    var map = reader.Map(node, "an inhibit rule", "source", "targets", "target_matchers", "equal");
                    var source = reader.String(map, "source", required: true, "inhibit rule", node);
                    var equal = reader.Strings(map, "equal", "inhibit rule");
                    var matchers = ReadMatchers(reader, map, node, "inhibit rule");
                    if (source is not null)
                    {
                        inhibit.Add(new InhibitRule(source, reader.Strings(map, "targets", "inhibit rule"), equal.Count > 0 ? equal : ["cluster"]) { TargetMatchers = matchers });
                    }
                }
            }

            if (top.TryGetValue("recovery_holds", out var holdsNode))
            {
                foreach (var node in reader.Sequence(holdsNode, "recovery_holds"))
                {
                    if (ReadRecoveryHold(reader, node) is { } hold)
                    {
                        holds.Add(hold);
                    }
                }
            }

            if (top.TryGetValue("clusters", out var clustersNode))
            {
                foreach (var (cluster, clusterNode) in reader.Map(clustersNode, "clusters"))
                {
                    foreach (var (key, overrideNode) in reader.Map(clusterNode, $"cluster '{cluster}'"))
                    {
                        var o = ReadOverride(reader, overrideNode, $"cluster '{cluster}', alert '{key}'");
                        overrides.Add((name, overrideNode, cluster, key, o));
                    }
                }
            }

            if (top.TryGetValue("maintenance", out var maintenanceNode))
            {
                foreach (var node in reader.Sequence(maintenanceNode, "maintenance"))
                {
                    if (ReadWindow(reader, node) is { } window)
                    {
                        windows.Add(window);
                    }
                }
            }
        }

        var rules = Build(alerts, overrides, inhibit, errors);
        CheckRecoveryHolds(holds, alerts, errors);
        return errors.Count > 0
            ? throw new PolicyException(errors)
            : new AlertPolicy(rules, inhibit, windows, [.. documents.Select(d => d.Name)]) { RecoveryHolds = holds };
    }

    private static YamlNode? Parse(string name, string text, YamlReader reader)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            reader.ErrorAt(ex.Start.Line, ex.Start.Column, $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, not a YamlException, for some broken input: its scanner for an unclosed flow
            // mapping ("{ key" before the next line's key), its node loader for a merge key ("<<: *a") in a mapping
            // whose first key is empty. The last event it read says where.
            var at = parser.Current?.End ?? Mark.Empty;
            reader.ErrorAt(at.Line, at.Column, $"not valid YAML: {ex.Message}");
            return null;
        }
    }

    private static void MergeAlert(YamlReader reader, string file, YamlNode node, List<DraftAlert> alerts)
    {
        var map = reader.Map(node, "an alert", "alert", "severity", "condition", "threshold", "for", "keep_firing_for", "params", "summary", "description", "runbook", "enabled");
        var name = reader.String(map, "alert", required: true, "alert", node);
        if (name is null)
        {
            return;
        }

        if (!AlertName().IsMatch(name))
        {
            reader.Error(map["alert"], $"alert name '{name}' must match [A-Za-z_][A-Za-z0-9_]*");
        }

        var what = $"alert '{name}'";
        var severity = reader.String(map, "severity", required: false, what);
        if (severity is not null && !Severities.Contains(severity, StringComparer.Ordinal))
        {
            reader.Error(map["severity"], $"{what}: severity '{severity}' must be one of critical, warning, info");
        }

        var sameName = alerts.Where(a => a.Name == name).ToList();
        var existing = severity is null && sameName.Count == 1 ? sameName[0] : sameName.FirstOrDefault(a => a.Severity == severity);
        var draft = existing ?? new DraftAlert { Name = name, File = file, Line = node.Start.Line, Node = node };
        if (existing is null)
        {
            alerts.Add(draft);
        }

        draft.Severity = severity ?? draft.Severity;
        draft.Condition = reader.String(map, "condition", required: false, what) ?? draft.Condition;
        draft.Threshold = reader.Number(map, "threshold", what) ?? draft.Threshold;
        draft.For = reader.Duration(map, "for", what) ?? draft.For;
        draft.KeepFiringFor = reader.Duration(map, "keep_firing_for", what) ?? draft.KeepFiringFor;
        draft.Enabled = reader.Bool(map, "enabled", what) ?? draft.Enabled;
        foreach (var (k, v) in reader.Scalars(map, "params", what))
        {
            draft.Parameters[k] = v;
        }

        draft.Summary = reader.String(map, "summary", required: false, what) ?? draft.Summary;
        draft.Description = reader.String(map, "description", required: false, what) ?? draft.Description;
        draft.Runbook = reader.String(map, "runbook", required: false, what) ?? draft.Runbook;
    }

    private static RuleOverride ReadOverride(YamlReader reader, YamlNode node, string what)
    {
        var map = reader.Map(node, what, "enabled", "threshold", "for", "keep_firing_for", "params");
        return new RuleOverride(
            reader.Bool(map, "enabled", what),
            reader.Number(map, "threshold", what),
            reader.Duration(map, "for", what),
            reader.Duration(map, "keep_firing_for", what),
            reader.Scalars(map, "params", what));
    }

    private static MaintenanceWindow? ReadWindow(YamlReader reader, YamlNode node)
    {
        var map = reader.Map(node, "a maintenance window", "name", "cluster", "node", "cron", "duration", "start", "end", "timezone", "reason");
        var name = reader.String(map, "name", required: true, "maintenance window", node);
        var what = $"maintenance window '{name}'";
        var cluster = reader.String(map, "cluster", required: true, what, node);
        DateTimeOffset? Time(string key)
        {
            var text = reader.String(map, key, required: false, what);
            if (text is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t))
            {
                return t;
            }

            reader.Error(map[key], $"{what}: '{key}' must be an ISO 8601 time such as 2026-12-01T22:00:00Z");
            return null;
        }

        if (name is null || cluster is null)
        {
            return null;
        }

        var window = new MaintenanceWindow(
            "config:" + name, name, cluster, reader.String(map, "node", required: false, what),
            reader.String(map, "cron", required: false, what), reader.Duration(map, "duration", what),
            Time("start"), Time("end"), reader.String(map, "timezone", required: false, what), reader.String(map, "reason", required: false, what));
        foreach (var problem in MaintenanceCalendar.Validate(window))
        {
            reader.Error(node, $"{what}: {problem}");
        }

        return window;
    }

    private List<AlertingRule> Build(List<DraftAlert> alerts, List<(string File, YamlNode Node, string Cluster, string Key, RuleOverride Override)> overrides,
        List<InhibitRule> inhibit, List<PolicyError> errors)
    {
        var rules = new List<AlertingRule>();
        var names = alerts.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var draft in alerts)
        {
            var where = new Func<string, PolicyError>(m => new PolicyError(draft.File, draft.Line, draft.Node.Start.Column, $"alert '{draft.Name}': {m}"));
            if (draft.Severity is null)
            {
                errors.Add(where("severity is required"));
            }

            foreach (var (field, value) in new[] { ("summary", draft.Summary), ("description", draft.Description), ("runbook", draft.Runbook) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    errors.Add(where($"'{field}' is required (every alert says what broke, where, and the first runbook step)"));
                }
            }

            IAlertCondition? condition = null;
            if (draft.Condition is null)
            {
                errors.Add(where("condition is required"));
            }
            else if (!_conditions.TryGet(draft.Condition, out condition))
            {
                errors.Add(where($"unknown condition '{draft.Condition}' (known: {string.Join(", ", _conditions.Kinds)})"));
            }

            var settings = new RuleSettings(draft.Enabled, draft.Threshold, draft.For, draft.KeepFiringFor, draft.Parameters);
            var key = names[draft.Name] > 1 ? $"{draft.Name}:{draft.Severity}" : draft.Name;
            var clusterOverrides = new Dictionary<string, RuleOverride>(StringComparer.Ordinal);
            foreach (var o in overrides.Where(o => o.Key == draft.Name || o.Key == key))
            {
                clusterOverrides[o.Cluster] = clusterOverrides.TryGetValue(o.Cluster, out var earlier) ? Combine(earlier, o.Override) : o.Override;
            }

            if (condition is not null)
            {
                foreach (var problem in condition.Validate(settings))
                {
                    errors.Add(where(problem));
                }

                foreach (var (cluster, o) in clusterOverrides)
                {
                    foreach (var problem in condition.Validate(settings.With(o)))
                    {
                        errors.Add(where($"override for cluster '{cluster}': {problem}"));
                    }
                }
            }

            if (condition is null || draft.Severity is null)
            {
                continue;
            }

            var definition = new AlertRuleDefinition(draft.Name, draft.Severity, draft.Condition!, settings, draft.Summary ?? string.Empty, draft.Description ?? string.Empty, draft.Runbook ?? string.Empty)
            {
                ClusterOverrides = clusterOverrides,
                Source = $"{draft.File}:{draft.Line}",
                Key = key,
            };
            rules.Add(new AlertingRule(definition, condition));
        }

        foreach (var o in overrides)
        {
            var name = o.Key.Split(':')[0];
            if (!names.ContainsKey(name) || (o.Key.Contains(':', StringComparison.Ordinal) && !alerts.Any(a => $"{a.Name}:{a.Severity}" == o.Key)))
            {
                errors.Add(new PolicyError(o.File, o.Node.Start.Line, o.Node.Start.Column, $"cluster '{o.Cluster}': no alert '{o.Key}' to override"));
            }
        }

        foreach (var rule in inhibit)
        {
            foreach (var name in rule.Targets.Prepend(rule.Source).Where(n => !names.ContainsKey(n)))
            {
                errors.Add(new PolicyError("inhibit", 0, 0, $"inhibit rule names unknown alert '{name}'"));
            }
        }

        return rules;
    }

    private static RuleOverride Combine(RuleOverride a, RuleOverride b)
    {
        var parameters = new Dictionary<string, string>(a.Parameters, StringComparer.Ordinal);
        foreach (var (k, v) in b.Parameters)
        {
            parameters[k] = v;
        }

        return new RuleOverride(b.Enabled ?? a.Enabled, b.Threshold ?? a.Threshold, b.For ?? a.For, b.KeepFiringFor ?? a.KeepFiringFor, parameters);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex AlertName();

    private sealed class DraftAlert
    {
        public required string Name { get; init; }

        public required string File { get; init; }

        public required long Line { get; init; }

        public required YamlNode Node { get; init; }

        public string? Severity { get; set; }

        public string? Condition { get; set; }

        public double? Threshold { get; set; }

        public TimeSpan For { get; set; }

        public TimeSpan KeepFiringFor { get; set; }

        public bool Enabled { get; set; } = true;

        public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

        public string? Summary { get; set; }

        public string? Description { get; set; }

        public string? Runbook { get; set; }
    }
}
