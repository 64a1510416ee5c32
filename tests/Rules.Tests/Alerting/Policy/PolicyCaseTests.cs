using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>Runs every <see cref="PolicyCases"/> situation through the pipeline with a fake clock.</summary>
public class PolicyCaseTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < PolicyCases.All.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>Feeds a case and returns the harness at its end.</summary>
    public static AlertingHarness Run(PolicyCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var harness = new AlertingHarness();
        c.Setup?.Invoke(harness);
        var step = 0;
        harness.Feed(() => c.Data(step++).Build(), c.Duration);
        harness.Run(c.SilenceAfter);
        return harness;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_FiresOrNot_AsThePolicySays(int index)
    {
        var c = PolicyCases.All[index];

        var harness = Run(c);

        var firing = harness.Alerts().Where(a => a.Name == c.Alert && a.Severity == c.Severity && a.State == AlertState.Firing).ToList();
        if (c.Fires)
        {
            var alert = Assert.Single(firing);
            Assert.All(["summary", "description", "runbook"], k => Assert.False(string.IsNullOrWhiteSpace(alert.Annotations[k])));
            Assert.DoesNotContain("{", alert.Annotations["summary"], StringComparison.Ordinal); // every placeholder filled
        }
        else
        {
            Assert.Empty(firing);
            Assert.DoesNotContain(harness.Notifier.Sent, n => n.Labels["alertname"] == c.Alert && n.Labels["severity"] == c.Severity);
        }
    }

    /// <summary>Rules fires exactly the oracle's alerts of the case's name (labels, and value where the oracle gives one).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_RulesFiresExactlyTheOracleAlerts(int index)
    {
        var c = PolicyCases.All[index];
        Assert.Equal(c.Fires, c.Expect.Any(e => e.Severity == c.Severity)); // the case's own flag and its oracle agree

        var harness = Run(c);

        var firing = harness.Alerts().Where(a => a.Name == c.Alert && a.State == AlertState.Firing).ToList();
        var actual = firing.Select(a => Describe(a.Labels.Where(l => l.Key != AlertLabels.AlertName))).Order(StringComparer.Ordinal).ToList();
        var expected = c.Expect.Select(e => Describe(e.AllLabels())).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var e in c.Expect.Where(e => e.Value is not null))
        {
            var alert = firing.Single(a => Describe(a.Labels.Where(l => l.Key != AlertLabels.AlertName)) == Describe(e.AllLabels()));
            Assert.Equal(e.Value!.Value, alert.Value, 9);
        }
    }

    private static string Describe(IEnumerable<KeyValuePair<string, string>> labels) =>
        "{" + string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
}
