using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Tests.Support;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;

namespace AzLocalMonitor.Rules.Tests.Alerting;

/// <summary>
/// Two replicas of an HA pair get the same reports from the agent, each at its own moment and by its own clock; the
/// alerts they send must be the same alert to Alertmanager: identical labels and the same startsAt, taken from the
/// data (the agent's timestamps), not from when each replica happened to evaluate.
/// </summary>
public class ReplicaAgreementTests
{
    private static readonly DateTimeOffset AgentStart = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One report of a 3-node cluster whose node n3 is down and which has lost quorum, stamped at <paramref name="at"/> by the agent.</summary>
    private static ExportMetricsServiceRequest Report(DateTimeOffset at)
    {
        var request = new Otlp("c1", "n1")
            .Gauge(Instruments.ClusterQuorum, 0)
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "n1"))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "up", ("node", "n2"))
            .StateSet(Instruments.NodeState, MetricCatalog.States.Node, "down", ("node", "n3"))
            .Build();
        var nanos = (ulong)at.ToUnixTimeMilliseconds() * 1_000_000UL;
        foreach (var point in request.ResourceMetrics.SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics).SelectMany(m => m.Gauge.DataPoints))
        {
            point.TimeUnixNano = nanos;
        }

        return request;
    }

    /// <summary>Feeds 40 reports, one a second of agent time, each arriving <paramref name="lag"/> later by this replica's clock.</summary>
    private static List<AlertNotification> Replica(TimeSpan lag)
    {
        var harness = new AlertingHarness(time: new FakeTimeProvider(AgentStart + lag));
        for (var second = 0; second < 40; second++)
        {
            harness.IngestAsIs(Report(AgentStart + TimeSpan.FromSeconds(second)));
            harness.Run(TimeSpan.FromSeconds(1));
        }

        return [.. harness.Notifier.Sent];
    }

    [Fact]
    public void TwoReplicas_ReceivingAtDifferentMoments_SendTheSameLabelsAndStart()
    {
        var a = Replica(TimeSpan.FromMilliseconds(300));
        var b = Replica(TimeSpan.FromMilliseconds(1700));

        // Every alert each replica sent, by label set, with its first startsAt: the same on both. QuorumLost (for 0s)
        // starts at the agent's timestamp of the report that showed it, not at either replica's clock.
        Assert.NotEmpty(a);
        var first = (List<AlertNotification> sent) => sent
            .GroupBy(n => string.Join(',', n.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().StartsAt, StringComparer.Ordinal);
        Assert.Equal(first(a), first(b));
        Assert.Equal(AgentStart, Assert.Single(a, n => n.Labels["alertname"] == "AzLocalQuorumLost" && n.EndsAt > n.StartsAt).StartsAt);
    }

    [Fact]
    public void AlertWithFor_FiresAtTheDataTimePlusFor_WhateverTheReplicasClock()
    {
        var starts = new List<DateTimeOffset?>();
        foreach (var lag in new[] { TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(1900) })
        {
            var harness = new AlertingHarness(time: new FakeTimeProvider(AgentStart + lag));
            for (var second = 0; second < 40; second++)
            {
                harness.IngestAsIs(Report(AgentStart + TimeSpan.FromSeconds(second)));
                harness.Run(TimeSpan.FromSeconds(1));
            }

            starts.Add(harness.Book.Clusters.Single().All.Single(x => x.Name == "AzLocalNodeDown").FiredAt);
        }

        // node_down has for: 30s in the shipped policy; the condition first held at the first report (agent time 0 s).
        Assert.Equal([AgentStart + TimeSpan.FromSeconds(30), AgentStart + TimeSpan.FromSeconds(30)], starts);
    }
}
