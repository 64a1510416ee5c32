namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Alertmanager-style inhibition: while a <see cref="Source"/> alert is active, alerts named in <see cref="Targets"/>
/// (every other alert when empty) that also satisfy every one of <see cref="TargetMatchers"/> and agree with the
/// source on every <see cref="Equal"/> label are muted.
/// </summary>
public sealed record InhibitRule(string Source, IReadOnlyList<string> Targets, IReadOnlyList<string> Equal)
{
    /// <summary>Further conditions on the target (e.g. <c>impact!="data_offline"</c>: data going offline still pages).</summary>
    public IReadOnlyList<LabelMatcher> TargetMatchers { get; init; } = [];
}
