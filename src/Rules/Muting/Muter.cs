using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// The muting pipeline for one cluster at one instant, in Alertmanager's order (notify/mute.go): inhibition, then
/// maintenance windows, then silences. Each stage only answers "muted by what"; none touches an alert's labels.
/// </summary>
public sealed class Muter
{
    private readonly Inhibitor _inhibitor;
    private readonly IReadOnlyList<ActiveWindow> _windows;
    private readonly IReadOnlyList<Silence> _silences;

    public Muter(Inhibitor inhibitor, IReadOnlyList<ActiveWindow> windows, IReadOnlyList<Silence> silences)
    {
        _inhibitor = inhibitor;
        _windows = windows;
        _silences = silences;
    }

    /// <summary>The inhibition stage alone: the alert of <paramref name="sources"/> that would inhibit one with <paramref name="labels"/>, or null.</summary>
    public string? InhibitedBy(LabelSet labels, IReadOnlyList<LabelSet> sources) => _inhibitor.MutedBy(labels, sources);

    /// <summary>What mutes an alert with <paramref name="labels"/>, with the stage that did, or null.</summary>
    public (MuteStage Stage, string By)? MutedBy(LabelSet labels, IReadOnlyList<LabelSet> activeSources)
    {
        if (_inhibitor.MutedBy(labels, activeSources) is { } source)
        {
            return (MuteStage.Inhibition, source);
        }

        foreach (var window in _windows)
        {
            if (window.Mutes(labels))
            {
                return (MuteStage.Maintenance, $"maintenance window {window.Name}");
            }
        }

        foreach (var silence in _silences)
        {
            if (silence.Matches(labels))
            {
                return (MuteStage.Silence, $"silence {silence.Id} by {silence.CreatedBy}");
            }
        }

        return null;
    }
}

/// <summary>The stage of the muting pipeline that muted an alert.</summary>
public enum MuteStage
{
    Inhibition,
    Maintenance,
    Silence,
}
