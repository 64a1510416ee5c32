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
}
