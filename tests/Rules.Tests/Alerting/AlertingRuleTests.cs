using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.Tests.Alerting;

public class AlertingRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private readonly ClusterState _cluster = new("c1", 4);
    private readonly ClusterAlerts _alerts;

    public AlertingRuleTests() => _alerts = new ClusterAlerts(_cluster);
    private readonly ScriptedCondition _condition = new();

    private AlertingRule Rule(TimeSpan forDuration, TimeSpan keepFiringFor = default) =>
        new(new AlertRuleDefinition("TestAlert", "critical", "scripted", RuleSettings.Of(forDuration, keepFiringFor), "S {node}", "D {reason}", "R"), _condition);

    private List<Alert> Eval(AlertingRule rule, TimeSpan at, out EvaluationContext context)
    {
        context = new EvaluationContext(_cluster, T0 + at, new AlertingOptions(), new SeriesOptions());
        var changed = new List<Alert>();
        rule.Evaluate(context, _alerts, changed);
        return changed;
    }

    private List<Alert> Eval(AlertingRule rule, TimeSpan at) => Eval(rule, at, out _);

    private Alert Single() => Assert.Single(RuleAlerts());

    private IReadOnlyCollection<Alert> RuleAlerts() => _alerts.ByRule.TryGetValue("TestAlert", out var a) ? a.Values : [];

    [Fact]
    public void Evaluate_ConditionHolds_IsPendingUntilForElapses_ThenFires()
    {
        var rule = Rule(TimeSpan.FromSeconds(30));
        _condition.Holds = true;

        Assert.Empty(Eval(rule, TimeSpan.Zero, out var context));
        Assert.Equal(AlertState.Pending, Single().State);
        Assert.Equal(T0 + TimeSpan.FromSeconds(30), context.NextDeadline);

        Assert.Empty(Eval(rule, TimeSpan.FromSeconds(29)));
        Assert.Equal(AlertState.Pending, Single().State);

        var changed = Eval(rule, TimeSpan.FromSeconds(30));
        var alert = Assert.Single(changed);
        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal(T0, alert.ActiveAt);
        Assert.Equal(T0 + TimeSpan.FromSeconds(30), alert.FiredAt);
    }

    [Fact]
    public void Evaluate_ZeroFor_FiresOnFirstEvaluation()
    {
        var rule = Rule(TimeSpan.Zero);
        _condition.Holds = true;

        var alert = Assert.Single(Eval(rule, TimeSpan.Zero));

        Assert.Equal(AlertState.Firing, alert.State);
        Assert.Equal("TestAlert", alert.Name);
        Assert.Equal("critical", alert.Severity);
        Assert.Equal("S n1", alert.Annotations["summary"]);
        Assert.Equal("D because", alert.Annotations["description"]);
    }

    [Fact]
    public void Evaluate_PendingAlertWhoseConditionClears_IsForgottenWithoutNotification()
    {
        var rule = Rule(TimeSpan.FromMinutes(1));
        _condition.Holds = true;
        Eval(rule, TimeSpan.Zero);
        _condition.Holds = false;

        Assert.Empty(Eval(rule, TimeSpan.FromSeconds(10)));
        Assert.Empty(RuleAlerts());
    }

    [Fact]
    public void Evaluate_FiringAlertWhoseConditionClears_ResolvesAndIsReported()
    {
        var rule = Rule(TimeSpan.Zero);
        _condition.Holds = true;
        Eval(rule, TimeSpan.Zero);
        _condition.Holds = false;

        var alert = Assert.Single(Eval(rule, TimeSpan.FromSeconds(5)));

        Assert.Equal(AlertState.Inactive, alert.State);
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), alert.ResolvedAt);
    }

    [Fact]
    public void Evaluate_KeepFiringFor_HoldsTheAlertThroughAFlap()
    {
        var rule = Rule(TimeSpan.Zero, keepFiringFor: TimeSpan.FromMinutes(5));
        _condition.Holds = true;
        Eval(rule, TimeSpan.Zero);

        _condition.Holds = false;
        Assert.Empty(Eval(rule, TimeSpan.FromMinutes(1), out var context));
        Assert.Equal(AlertState.Firing, Single().State);
        Assert.Equal(T0 + TimeSpan.FromMinutes(6), context.NextDeadline);

        _condition.Holds = true; // flaps back: the hold restarts from scratch next time
        Assert.Empty(Eval(rule, TimeSpan.FromMinutes(2)));
        Assert.Null(Single().KeepFiringSince);

        _condition.Holds = false;
        Assert.Empty(Eval(rule, TimeSpan.FromMinutes(3)));
        Assert.Empty(Eval(rule, TimeSpan.FromMinutes(7)));
        Assert.Equal(AlertState.Firing, Single().State);
        var resolved = Assert.Single(Eval(rule, TimeSpan.FromMinutes(8)));
        Assert.Equal(AlertState.Inactive, resolved.State);
    }

    [Fact]
    public void Evaluate_ResolvedAlert_IsForgottenAfterRetention_AndARecurrenceIsANewAlert()
    {
        var rule = Rule(TimeSpan.Zero);
        _condition.Holds = true;
        Eval(rule, TimeSpan.Zero);
        _condition.Holds = false;
        Eval(rule, TimeSpan.FromMinutes(1));

        Eval(rule, TimeSpan.FromMinutes(10));
        Assert.Single(RuleAlerts());
        Eval(rule, TimeSpan.FromMinutes(17));
        Assert.Empty(RuleAlerts());

        _condition.Holds = true;
        var again = Assert.Single(Eval(rule, TimeSpan.FromMinutes(20)));
        Assert.Equal(T0 + TimeSpan.FromMinutes(20), again.ActiveAt);
    }

    [Fact]
    public void Evaluate_ResolvedAlertThatReturns_StartsANewLifecycle()
    {
        var rule = Rule(TimeSpan.FromSeconds(30));
        _condition.Holds = true;
        Eval(rule, TimeSpan.Zero);
        Eval(rule, TimeSpan.FromSeconds(30));
        _condition.Holds = false;
        Eval(rule, TimeSpan.FromSeconds(40));
        _condition.Holds = true;

        Assert.Empty(Eval(rule, TimeSpan.FromSeconds(50)));

        var alert = Single();
        Assert.Equal(AlertState.Pending, alert.State);
        Assert.Equal(T0 + TimeSpan.FromSeconds(50), alert.ActiveAt);
    }

    private sealed class ScriptedCondition : IAlertCondition
    {
        public bool Holds { get; set; }

        public string Kind => "scripted";

        public string ToPromQl(RuleSettings settings) => "vector(1)";

        public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
        {
            if (Holds)
            {
                candidates.Add(new AlertCandidate(
                    LabelSet.Of("cluster", "c1", "node", "n1"),
                    1,
                    new Dictionary<string, string> { ["reason"] = "because" }));
            }
        }
    }
}
