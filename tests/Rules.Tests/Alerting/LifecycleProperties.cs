using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Muting;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using AzLocalMonitor.Rules.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>
/// Properties of the alert lifecycle over random timelines of two conditions: a Source alert that inhibits a Target
/// alert of the same cluster. Whatever the timeline, for / keep_firing_for: nothing is sent firing while it is muted
/// (judged from the Source alert's own state, not from the muting bookkeeping), a consequence never sent before is
/// not sent within the grace after its source resolves, every firing sent is eventually resolved, and no resolve is
/// sent without a firing before it.
/// </summary>
public sealed class LifecycleProperties
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = new AlertingOptions().InhibitionGrace;

    [Property(MaxTest = 60, Arbitrary = [typeof(Timelines)])]
    public void MutedAlertsAreNeverSent_AndEveryFiringSentIsResolved(Timeline timeline)
    {
        var source = new ScriptedCondition("source");
        var target = new ScriptedCondition("target");
        var policy = new AlertPolicy(
            [Rule("Source", source, timeline.SourceFor, TimeSpan.Zero), Rule("Target", target, timeline.TargetFor, timeline.TargetKeep)],
            [new InhibitRule("Source", ["Target"], ["cluster"])], [], ["test"]);
        var checker = new SendChecker();
        var harness = new AlertingHarness(policy: policy, notifier: checker);
        checker.Book = harness.Book;
        checker.Time = harness.Time;

        for (var i = 0; i < timeline.Steps.Length; i++)
        {
            (source.Holds, target.Holds) = timeline.Steps[i];
            harness.Ingest(new Otlp("c1", "node-1").Gauge("azlocal.node.cpu.utilization", 0.1 + (i % 2 * 0.1)).Build());
            harness.Run(Step);
        }

        (source.Holds, target.Holds) = (false, false);
        harness.Run(TimeSpan.FromMinutes(20)); // past keep_firing_for, the grace and a resend

        Assert.True(checker.Violations.Count == 0, string.Join("\n", checker.Violations));
        var firing = checker.Sent.Where(s => !s.Resolve).Select(s => s.Key).ToHashSet();
        var resolved = checker.Sent.Where(s => s.Resolve).Select(s => s.Key).ToHashSet();
        Assert.Subset(resolved, firing); // every firing sent has been resolved
        Assert.All(checker.Sent.Where(s => s.Resolve), r => Assert.Contains(checker.Sent, f => !f.Resolve && f.Key == r.Key && f.At <= r.At));
    }

    private static AlertingRule Rule(string name, ScriptedCondition condition, TimeSpan forDuration, TimeSpan keep) =>
        new(new AlertRuleDefinition(name, "critical", condition.Kind, RuleSettings.Of(forDuration, keep), "s", "d", "r") { Key = name }, condition);

    /// <summary>A timeline: per 5 s step whether Source and Target hold, and the rules' for / keep_firing_for.</summary>
    public sealed record Timeline((bool Source, bool Target)[] Steps, TimeSpan SourceFor, TimeSpan TargetFor, TimeSpan TargetKeep)
    {
        public override string ToString() =>
            $"for {SourceFor.TotalSeconds}/{TargetFor.TotalSeconds}s keep {TargetKeep.TotalSeconds}s: " +
            string.Concat(Steps.Select(s => (s.Source ? "S" : "-") + (s.Target ? "T" : "-") + " "));
    }

    public static class Timelines
    {
        public static Arbitrary<Timeline> Timeline()
        {
            var seconds = Gen.Elements(0, 5, 10, 30, 60).Select(s => TimeSpan.FromSeconds(s));
            // Runs of the same state, as real faults come and go (a pure coin per step almost never lets for elapse).
            var run = Gen.Zip(Gen.Zip(ArbMap.Default.GeneratorFor<bool>(), ArbMap.Default.GeneratorFor<bool>()), Gen.Choose(1, 16))
                .Select(p => Enumerable.Repeat(p.Item1, p.Item2));
            var steps = Gen.ListOf(run).Select(runs => runs.SelectMany(r => r).Take(60).ToArray());
            var gen = from s in steps
                      from sf in seconds
                      from tf in seconds
                      from tk in seconds
                      select new Timeline(s, sf, tf, tk);
            return gen.ToArbitrary();
        }
    }

    private sealed class ScriptedCondition(string kind) : IAlertCondition
    {
        public bool Holds { get; set; }

        public string Kind => kind;

        public string ToPromQl(RuleSettings settings) => "vector(1)";

        public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
        {
            if (Holds)
            {
                candidates.Add(new AlertCandidate(LabelSet.Of("cluster", context.Cluster.Name), 1, new Dictionary<string, string>()));
            }
        }
    }

    /// <summary>Checks each notification as it is handed over, against the alerts' state at that instant.</summary>
    private sealed class SendChecker : IAlertNotifier
    {
        private DateTimeOffset? _sourceResolvedAt;

        public AlertBook? Book { get; set; }

        public TimeProvider? Time { get; set; }

        public List<(string Key, bool Resolve, DateTimeOffset At)> Sent { get; } = [];

        public List<string> Violations { get; } = [];

        public void Enqueue(IReadOnlyList<AlertNotification> alerts)
        {
            var now = Time!.GetUtcNow();
            var all = Book!.Find("c1")?.All.ToList() ?? [];
            var sourceActive = all.Any(a => a.Name == "Source" && a.State != AlertState.Inactive);
            var lastSource = all.Where(a => a.Name == "Source" && a.ResolvedAt is not null).Select(a => a.ResolvedAt).Max();
            _sourceResolvedAt = lastSource ?? _sourceResolvedAt;
            foreach (var n in alerts)
            {
                var resolve = n.EndsAt <= now;
                var key = $"{n.Labels["alertname"]}@{n.StartsAt:O}";
                var sentBefore = Sent.Any(s => s.Key == key && !s.Resolve);
                if (!resolve && n.Labels["alertname"] == "Target")
                {
                    if (sourceActive)
                    {
                        Violations.Add($"{now:T} Target sent firing while Source is active");
                    }
                    else if (!sentBefore && _sourceResolvedAt is { } r && now - r < Grace && n.StartsAt < r)
                    {
                        Violations.Add($"{now:T} Target, muted until {r:T}, sent within the grace");
                    }
                }

                Sent.Add((key, resolve, now));
            }
        }
    }
}
