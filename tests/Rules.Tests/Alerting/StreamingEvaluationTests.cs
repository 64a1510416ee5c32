using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Alerting.Policy;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>Evaluation on arrival runs only the rules whose inputs changed; timers still run every rule.</summary>
public class StreamingEvaluationTests
{
    private static AlertPolicy PolicyWith(CountingCondition condition) =>
        new PolicyLoader(new ConditionCatalog([condition])).Load([("test.yaml", """
            alerts:
              - alert: Counted
                severity: warning
                condition: counting
                for: 0s
                summary: s
                description: d
                runbook: "1 Collect 2 Isolate 3 Apply"
            """)]);

    [Fact]
    public void Arrival_WithoutAChangeToTheRulesInputs_DoesNotRunTheRule()
    {
        var condition = new CountingCondition(PrometheusName(Instruments.ClusterQuorum));
        var harness = new AlertingHarness(policy: PolicyWith(condition));

        harness.Ingest(new Otlp().Gauge(Instruments.ClusterQuorum, 1).Build());
        Assert.Equal(1, condition.Runs); // first evaluation of a cluster: every rule
        harness.Ingest(new Otlp().Gauge(Instruments.ClusterQuorum, 1).Gauge(Instruments.NodeCpuUtilization, 0.5).Build());
        Assert.Equal(1, condition.Runs); // quorum unchanged, CPU is not an input
        harness.Ingest(new Otlp().Gauge(Instruments.ClusterQuorum, 0).Build());
        Assert.Equal(2, condition.Runs); // quorum changed
    }

    [Fact]
    public void Timer_RunsEveryRule_WhenADeadlineIsDue()
    {
        var condition = new CountingCondition(PrometheusName(Instruments.ClusterQuorum));
        var harness = new AlertingHarness(policy: PolicyWith(condition));
        harness.Ingest(new Otlp().Gauge(Instruments.ClusterQuorum, 1).Build());

        harness.Run(TimeSpan.FromSeconds(70)); // the quorum series goes stale at 60 s: a deadline

        Assert.True(condition.Runs >= 2);
    }

    private static string PrometheusName(string instrument) => MetricCatalog.All.Single(d => d.Instrument == instrument).PrometheusName;

    private sealed class CountingCondition(string input) : IAlertCondition
    {
        public int Runs { get; private set; }

        public string Kind => "counting";

        public IReadOnlyCollection<string>? Inputs { get; } = [input];

        public void Evaluate(EvaluationContext context, ICollection<AlertCandidate> candidates)
        {
            Runs++;
            _ = context.Fresh(input).ToList();
        }

        public string ToPromQl(RuleSettings settings) => "vector(1)";
    }
}
