using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// A subject for which a rule's condition holds now: its labels (cluster, node, volume...), the value, and
/// details that fill the annotation templates (e.g. <c>{reason}</c>).
/// </summary>
public sealed record AlertCandidate(LabelSet Labels, double Value, IReadOnlyDictionary<string, string> Details);
