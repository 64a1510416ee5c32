using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Alerting.Policy;

/// <summary>
/// One scripted situation for one alert of the default policy: the data a cluster reports at each 10 s step,
/// how long, and whether the alert (with that severity) must be firing at the end — a "fires" case or a near miss.
/// </summary>
public sealed record PolicyCase(string Alert, string Severity, bool Fires, string Situation, Func<int, Otlp> Data, TimeSpan Duration)
{
    /// <summary>Optional set-up before the data flows (e.g. a maintenance window).</summary>
    public Action<AlertingHarness>? Setup { get; init; }

    /// <summary>Optional: what ends the situation besides healthy data (e.g. closing a maintenance window).</summary>
    public Action<AlertingHarness>? Recover { get; init; }

    /// <summary>Optional: after <see cref="Duration"/>, stop reporting for this long (silence cases).</summary>
    public TimeSpan SilenceAfter { get; init; }

    /// <summary>
    /// The oracle: every alert named <see cref="Alert"/> (any severity) firing at the end, written by hand from the
    /// policy (docs/reference/alerts.md) and the case's data. Rules must agree (PolicyCaseTests) and the promtool tests expect
    /// exactly these (PromtoolTestWriter), so both are checked against the spec rather than against each other.
    /// </summary>
    public required IReadOnlyList<ExpectedAlert> Expect { get; init; }

    public override string ToString() => $"{Alert} ({Severity}) {(Fires ? "fires" : "near miss")}: {Situation}";
}
