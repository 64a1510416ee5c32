using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// A silence, as in Alertmanager: alerts matching every matcher are muted from <see cref="StartsAt"/> until
/// <see cref="EndsAt"/>. Expiring a silence sets its end to now; it is kept for the audit trail.
/// </summary>
public sealed record Silence(
    string Id,
    IReadOnlyList<LabelMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True while the silence is in force.</summary>
    public bool ActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    /// <summary>True when every matcher matches <paramref name="labels"/>.</summary>
    public bool Matches(LabelSet labels) => Matchers.All(m => m.Matches(labels));

    /// <summary>The cluster it is limited to by an equality matcher on <c>cluster</c>, or null (any cluster).</summary>
    public string? Cluster => Matchers.FirstOrDefault(m => m.Name == "cluster" && m.Op == "=")?.Value;

    /// <summary>"pending", "active" or "expired", as Alertmanager says.</summary>
    public string StatusAt(DateTimeOffset now) => now < StartsAt ? "pending" : now < EndsAt ? "active" : "expired";
}
