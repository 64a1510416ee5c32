using AzLocalMonitor.Rules.Notify;

namespace AzLocalMonitor.Rules.Tests.Notify;

/// <summary>A full delivery queue sheds warnings before criticals, and what it keeps leaves in arrival order.</summary>
public class NotificationQueueTests
{
    private static AlertNotification Alert(string name, string severity) => new(
        new Dictionary<string, string> { ["alertname"] = name, ["severity"] = severity },
        new Dictionary<string, string>(),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch,
        string.Empty);

    private static List<string> Drain(NotificationQueue queue)
    {
        var names = new List<string>();
        while (queue.TryTake(out var alert))
        {
            names.Add(alert.Labels["alertname"]);
        }

        return names;
    }

    [Fact]
    public void Overflow_DropsOldestWarningsFirst_KeepsEveryCritical_InArrivalOrder()
    {
        var queue = new NotificationQueue(4);
        var dropped = new List<string>();
        foreach (var (name, severity) in new[] { ("c1", "critical"), ("w1", "warning"), ("c2", "critical"), ("w2", "warning"), ("c3", "critical"), ("c4", "critical") })
        {
            if (queue.Add(Alert(name, severity)) is { } victim)
            {
                dropped.Add(victim.Labels["alertname"]);
            }
        }

        Assert.Equal(["w1", "w2"], dropped);
        Assert.Equal(["c1", "c2", "c3", "c4"], Drain(queue));
    }

    [Fact]
    public void FullOfCriticals_RefusesANewWarning_AndDropsTheOldestCriticalOnlyForANewCritical()
    {
        var queue = new NotificationQueue(2);
        queue.Add(Alert("c1", "critical"));
        queue.Add(Alert("c2", "critical"));

        Assert.Equal("w1", queue.Add(Alert("w1", "warning"))?.Labels["alertname"]);
        Assert.Equal("c1", queue.Add(Alert("c3", "critical"))?.Labels["alertname"]);
        Assert.Equal(["c2", "c3"], Drain(queue));
    }

    [Fact]
    public void WithinCapacity_NothingIsDropped_AndOrderIsKept()
    {
        var queue = new NotificationQueue(3);
        Assert.Null(queue.Add(Alert("w1", "warning")));
        Assert.Null(queue.Add(Alert("c1", "critical")));
        Assert.Null(queue.Add(Alert("w2", "info")));
        Assert.Equal(3, queue.Count);
        Assert.Equal(["w1", "c1", "w2"], Drain(queue));
    }
}
