using AzLocalMonitor.Rules.Muting;

namespace AzLocalMonitor.Rules.State;

/// <summary>A silence as stored: its matchers as text (<c>name="value"</c>), parsed again on load.</summary>
internal sealed record StoredSilence(string Id, List<string> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string CreatedBy, string Comment, DateTimeOffset UpdatedAt)
{
    public static StoredSilence From(Silence s) =>
        new(s.Id, [.. s.Matchers.Select(m => m.ToString())], s.StartsAt, s.EndsAt, s.CreatedBy, s.Comment, s.UpdatedAt);

    public Silence ToSilence() =>
        new(Id, [.. Matchers.Select(LabelMatcher.Parse)], StartsAt, EndsAt, CreatedBy, Comment, UpdatedAt);
}
