using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Muting;

/// <summary>
/// Keeps an inhibited consequence muted past its inhibition while the incident's recovery is still under way: after a
/// node returns (or quorum comes back), S2D resyncs what the node missed, and until the repair ends the volumes are
/// still short of copies. That is the same incident recovering, not a new one. While an alert named
/// <see cref="While"/> is active (pending or firing, agreeing on every <see cref="Equal"/> label) and none named in
/// <see cref="Unless"/> is (a repair that will miss its RTO is a problem of its own), a target whose inhibition ended
/// (whichever inhibit rule muted it) stays muted; when the recovery ends, it gets the inhibition grace like any other.
/// Only alerts that were muted by inhibition and never sent are held: a hold never takes back a page.
/// Immutable, built once per policy.
/// </summary>
public sealed record RecoveryHold(IReadOnlyList<string> Targets, string While, IReadOnlyList<string> Unless, IReadOnlyList<string> Equal)
{
    /// <summary>Further conditions on the target (e.g. <c>impact="redundancy"</c>: data offline is never held).</summary>
    public IReadOnlyList<LabelMatcher> TargetMatchers { get; init; } = [];

    /// <summary>The first hold of <paramref name="holds"/> that applies to <paramref name="target"/> now, or null.</summary>
    public static RecoveryHold? Holding(IReadOnlyList<RecoveryHold> holds, LabelSet target, IReadOnlyList<LabelSet> active)
    {
        ArgumentNullException.ThrowIfNull(holds);
        foreach (var hold in holds)
        {
            if (hold.Applies(target, active))
            {
                return hold;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="target"/> is one of this hold's targets and its recovery is running on time.</summary>
    public bool Applies(LabelSet target, IReadOnlyList<LabelSet> active)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(active);
        var name = target.Get("alertname") ?? string.Empty;
        if (name == While || (Targets.Count > 0 && !Targets.Contains(name, StringComparer.Ordinal)) || !TargetMatchers.All(m => m.Matches(target)))
        {
            return false;
        }

        var recovering = false;
        foreach (var alert in active)
        {
            var other = alert.Get("alertname");
            if (!Equal.All(l => alert.Get(l) == target.Get(l)))
            {
                continue;
            }

            if (other is not null && Unless.Contains(other, StringComparer.Ordinal))
            {
                return false;
            }

            recovering |= other == While;
        }

        return recovering;
    }
}
