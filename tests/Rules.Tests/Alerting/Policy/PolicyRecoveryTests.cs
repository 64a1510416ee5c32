using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>
/// For every alert's firing case: when the cluster is healthy again the alert resolves (and Alertmanager is told),
/// and where the policy sets keep_firing_for, a recovery shorter than it does not resolve the alert (hysteresis).
/// </summary>
public class PolicyRecoveryTests
{
    public static TheoryData<int> FiringCases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < PolicyCases.All.Count; i++)
        {
            if (PolicyCases.All[i].Fires)
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FiringCases))]
    public void FiringCase_Resolves_WhenHealthyAgain_AfterItsHysteresis(int index)
    {
        var c = PolicyCases.All[index];
        var harness = PolicyCaseTests.Run(c);
        Alert Current() => harness.Alerts().Single(a => a.Name == c.Alert && a.Severity == c.Severity && a.ActiveAt <= harness.Time.GetUtcNow() && a.State != AlertState.Pending);
        Assert.Equal(AlertState.Firing, Current().State);
        var sentBefore = harness.Notifier.Named(c.Alert).Count();
        var keep = harness.Policy.Current.Rules.First(r => r.Definition.Name == c.Alert && r.Definition.Severity == c.Severity).Definition.Settings.KeepFiringFor;

        c.Recover?.Invoke(harness);
        if (keep > TimeSpan.Zero)
        {
            harness.Feed(() => PolicyCases.Healthy().Build(), keep / 2);
            Assert.Equal(AlertState.Firing, Current().State); // a recovery shorter than keep_firing_for holds the alert
        }

        // Healthy data past the hysteresis and past staleness (fault-only series stop being reported).
        harness.Feed(() => PolicyCases.Healthy().Build(), keep + TimeSpan.FromSeconds(90));

        var alert = Current();
        Assert.Equal(AlertState.Inactive, alert.State);
        if (sentBefore > 0)
        {
            Assert.Contains(harness.Notifier.Named(c.Alert), n => n.EndsAt <= harness.Time.GetUtcNow() && n.EndsAt == alert.ResolvedAt);
        }
    }
}
