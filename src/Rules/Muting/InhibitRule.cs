namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Alertmanager-style inhibition: while a <see cref="Source"/> alert fires, alerts named in <see cref="Targets"/>
/// (every other alert when empty) that agree with it on every <see cref="Equal"/> label are muted.
/// </summary>
public sealed record InhibitRule(string Source, IReadOnlyList<string> Targets, IReadOnlyList<string> Equal);
