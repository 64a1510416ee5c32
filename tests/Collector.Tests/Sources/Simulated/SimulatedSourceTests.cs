using AzLocalMonitor.Collector.Sources;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Tests.Fakes;

namespace AzLocalMonitor.Collector.Tests.Sources.Simulated;

public class SimulatedSourceTests
{
    private static readonly Scenario QuorumLoss = new()
    {
        Events =
        [
            new(TimeSpan.FromSeconds(10), ScenarioAction.NodeDown, "node-2", 1),
            new(TimeSpan.FromSeconds(20), ScenarioAction.NodeDown, "node-3", 2),
        ],
    };

    [Fact]
    public async Task Timer_FiresAtEventTime_RaisesStateChangeWithoutAnyRead()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var source = new SimulatedSource(QuorumLoss, timeScale: 1, time, "test");
        var changes = new List<StateChange>();
        source.StateChanged += (_, c) => changes.Add(c);
        source.Start();

        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Empty(changes);

        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal([StateChangeKind.NodeDown], changes.Select(c => c.Kind));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([StateChangeKind.NodeDown, StateChangeKind.NodeDown, StateChangeKind.QuorumLost], changes.Select(c => c.Kind));
        Assert.False(source.Read().Cluster!.HasQuorum);
    }

    [Fact]
    public async Task TimeScale_Ten_PlaysEventsTenTimesSooner()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var source = new SimulatedSource(QuorumLoss, timeScale: 10, time, "test");
        var changes = new List<StateChange>();
        source.StateChanged += (_, c) => changes.Add(c);
        source.Start();

        time.Advance(TimeSpan.FromSeconds(2.1));

        Assert.Contains(changes, c => c.Kind == StateChangeKind.QuorumLost);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(0.1), changes[^1].At);
    }

    [Fact]
    public async Task Read_BeforeTimerFires_AppliesDueEventsItself()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        await using var source = new SimulatedSource(QuorumLoss, timeScale: 1, time, "test");
        var changes = new List<StateChange>();
        source.StateChanged += (_, c) => changes.Add(c);
        source.Start();
        await source.DisposeAsync();

        time.Advance(TimeSpan.FromSeconds(11));
        var reading = source.Read();

        Assert.Equal(Collector.Sources.Readings.NodeState.Down, reading.Nodes[1].State);
        Assert.Single(changes);
    }
}
