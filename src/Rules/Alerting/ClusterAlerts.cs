using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Alerting;

/// <summary>
/// The alert state of one cluster: its alerts per rule key and when it next needs the timer. Guarded by the
/// cluster's <see cref="ClusterState.Gate"/> (mutable shared state, justified: one cluster is evaluated by one thread
/// at a time, and ingest, the timer and the API all take that gate), so rules themselves hold no state.
/// </summary>
public sealed class ClusterAlerts
{
    private int _evaluateSoon;

    public ClusterAlerts(ClusterState series) => Series = series;

    /// <summary>The cluster's data; its <see cref="ClusterState.Gate"/> guards this object too.</summary>
    public ClusterState Series { get; }

    /// <summary>The cluster name.</summary>
    public string Name => Series.Name;

    /// <summary>Alerts per rule key (<see cref="AlertRuleDefinition.Key"/>).</summary>
    public Dictionary<string, Dictionary<LabelSet, Alert>> ByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Every alert of the cluster, whatever its state.</summary>
    public IEnumerable<Alert> All => ByRule.Values.SelectMany(a => a.Values);

    /// <summary>Earliest time a timer evaluation is needed (a pending <c>for</c>, a silence, keep_firing_for, a mute grace).</summary>
    public DateTimeOffset NextDeadline { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>Earliest time an alert of this cluster is due to be re-sent.</summary>
    public DateTimeOffset NextResend { get; set; } = DateTimeOffset.MaxValue;

    /// <summary>False until the first evaluation, which runs every rule.</summary>
    public bool Evaluated { get; set; }

    /// <summary>
    /// Set when alerts were restored after a restart: until then firing alerts are not resolved for lack of data,
    /// so a restart neither loses nor re-pages them.
    /// </summary>
    public DateTimeOffset? WarmUpUntil { get; set; }

    /// <summary>
    /// While now is before this, nothing of the cluster is sent (evaluation goes on): its agent is replaying a backlog
    /// from its spool (this replica was down), which is history, not the present. An HA replica coming back must not
    /// page again for an incident its peer has already resolved; once the replay is over it sends what is true then.
    /// </summary>
    public DateTimeOffset? HoldSendsUntil => _replays.Count == 0 ? null : _replays.Values.Max();

    /// <summary>When the current hold began: a hold is never extended past <see cref="RuleEngine.ReplayHoldMax"/> from it.</summary>
    public DateTimeOffset HoldSince { get; private set; }

    // Per replaying agent, until when its replay holds this cluster's sends. Mutable, guarded by the cluster's gate like
    // everything here: it is the record of which agents are still catching up, updated by each of their reports.
    private readonly Dictionary<string, DateTimeOffset> _replays = new(StringComparer.Ordinal);

    /// <summary>
    /// Notes what a report said about its agent's backlog (<see cref="ReplayMark"/>): an old batch starts or extends the
    /// agent's hold, a fresh one announcing more extends a hold already on, a fresh one with nothing behind it ends it.
    /// </summary>
    /// <param name="afterOld">How long an old batch holds when the agent does not say whether more follows.</param>
    /// <param name="stall">How long an announced backlog holds while its next batch is awaited (an agent that stops mid-replay).</param>
    /// <param name="max">The longest any hold lasts from its start, however long the replay goes on.</param>
    public void NoteReplay(ReplayMark mark, DateTimeOffset now, TimeSpan afterOld, TimeSpan stall, TimeSpan max)
    {
        if (HoldSendsUntil is { } held && held <= now)
        {
            EndHold();
        }

        if (mark.CaughtUp)
        {
            _replays.Remove(mark.Key);
        }
        else if (mark.Old || (mark.MoreToCome && _replays.ContainsKey(mark.Key)))
        {
            if (_replays.Count == 0)
            {
                HoldSince = now;
            }

            var until = now + (mark.MoreToCome ? stall : afterOld);
            var cap = HoldSince + max;
            _replays[mark.Key] = until < cap ? until : cap;
        }
    }

    /// <summary>The hold is over (its time ran out): every agent's replay is forgotten.</summary>
    public void EndHold() => _replays.Clear();

    /// <summary>Keys of alerts forgotten since the last persisted change (their rows are deleted).</summary>
    public List<(string RuleKey, LabelSet Labels)> Forgotten { get; } = [];

    /// <summary>Set from outside the gate (policy reload, maintenance or silence change, new forecast): evaluate at the next tick.</summary>
    public bool EvaluateSoon
    {
        get => Volatile.Read(ref _evaluateSoon) != 0;
        set => Volatile.Write(ref _evaluateSoon, value ? 1 : 0);
    }

    /// <summary>The alerts of one rule, created on first use.</summary>
    public Dictionary<LabelSet, Alert> Of(string ruleKey)
    {
        if (!ByRule.TryGetValue(ruleKey, out var alerts))
        {
            alerts = [];
            ByRule.Add(ruleKey, alerts);
        }

        return alerts;
    }

    /// <summary>Forgets an alert (and remembers to delete its stored row).</summary>
    public void Forget(string ruleKey, LabelSet labels)
    {
        if (ByRule.TryGetValue(ruleKey, out var alerts) && alerts.Remove(labels))
        {
            Forgotten.Add((ruleKey, labels));
            if (alerts.Count == 0)
            {
                ByRule.Remove(ruleKey);
            }
        }
    }
}
