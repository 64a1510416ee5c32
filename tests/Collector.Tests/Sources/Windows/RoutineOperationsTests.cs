using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;
using AzLocalMonitor.Collector.Tests.Fakes;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>
/// Enum values below are Microsoft's documented ones, not the code's constants:
/// MSCluster_Node.State 0 Up / 2 Paused and NodeDrainStatus 0 NotInitiated / 1 InProgress / 2 Completed
/// (learn.microsoft.com/previous-versions/windows/desktop/cluswmi/mscluster-node);
/// MSFT_PhysicalDisk.Usage 1 Auto-Select / 4 Retired (learn.microsoft.com/windows-hardware/drivers/storage/msft-physicaldisk);
/// MSFT_StorageJob.JobState 4 Running / 7 Completed (learn.microsoft.com/windows-hardware/drivers/storage/msft-storagejob).
/// </summary>
public class RoutineOperationsTests
{
    private const string Reporter = "n1";

    private readonly FakeTimeProvider _time = new(TestClock.Start);

    [Fact]
    public void ADrainThatCompletes_IsNodeDrained_AndPausedToUp_IsNodeResumed()
    {
        var log = new RoutineOperations(_time);
        log.Observe(Nodes((0, 0)), Reporter);
        Assert.Empty(log.Observe(Nodes((2, 1)), Reporter)); // paused, draining: not finished yet

        Assert.Equal([("node_drained", "n1")], log.Observe(Nodes((2, 2)), Reporter));
        Assert.Equal([("node_drained", "n1"), ("node_resumed", "n1")], log.Observe(Nodes((0, 0)), Reporter));
    }

    [Fact]
    public void AnOperationIsReportedForOneHourAfterIt()
    {
        var log = new RoutineOperations(_time);
        log.Observe(Disks(1), Reporter);
        Assert.Equal([("drive_retired", "n1/SN1")], log.Observe(Disks(4), Reporter));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal([("drive_retired", "n1/SN1")], log.Observe(Disks(4), Reporter));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(log.Observe(Disks(4), Reporter));
    }

    [Fact]
    public void AStorageJobThatReachesCompleted_IsStorageJobFinished()
    {
        var log = new RoutineOperations(_time);
        log.Observe(Jobs(4), Reporter);
        Assert.Empty(log.Observe(Jobs(4), Reporter));
        Assert.Equal([("storage_job_finished", "Repair")], log.Observe(Jobs(7), Reporter));
    }

    [Fact]
    public void StatesFirstSeenAlreadyFinished_AreNotOperations()
    {
        // The agent cannot tell when a drain, retirement or job it never saw running finished.
        var log = new RoutineOperations(_time);
        Assert.Empty(log.Observe(Nodes((2, 2)) with { PhysicalDisks = Disks(4).PhysicalDisks, Jobs = Jobs(7).Jobs }, Reporter));
        Assert.Empty(log.Observe(Nodes((2, 2)) with { PhysicalDisks = Disks(4).PhysicalDisks, Jobs = Jobs(7).Jobs }, Reporter));
    }

    [Fact]
    public void ANodeThatGoesDownAndUp_IsNotResumed()
    {
        var log = new RoutineOperations(_time);
        log.Observe(Nodes((1, 0)), Reporter); // 1 Down
        Assert.Empty(log.Observe(Nodes((0, 0)), Reporter));
    }

    [Fact]
    public void AVirtualDiskThatAppears_IsVolumeCreated_AndASizeChange_IsVolumeResized()
    {
        // MSFT_VirtualDisk FriendlyName and Size (learn.microsoft.com/windows-hardware/drivers/storage/msft-virtualdisk);
        // ClusterPerformanceHistory is the Health Service's own disk, not a workload volume.
        var log = new RoutineOperations(_time);
        Assert.Empty(log.Observe(VirtualDisks(("ClusterPerformanceHistory", 20L << 30), ("UserStorage_1", 1L << 40)), Reporter)); // first reading: all already there

        Assert.Equal([("volume_created", "UserStorage_2")],
            log.Observe(VirtualDisks(("ClusterPerformanceHistory", 20L << 30), ("UserStorage_1", 1L << 40), ("UserStorage_2", 1L << 40)), Reporter));
        Assert.Equal([("volume_created", "UserStorage_2"), ("volume_resized", "UserStorage_1")],
            log.Observe(VirtualDisks(("ClusterPerformanceHistory", 20L << 30), ("UserStorage_1", 2L << 40), ("UserStorage_2", 1L << 40)), Reporter));
    }

    [Fact]
    public void VirtualDisksMissingFromOneReading_AreNotCreatedWhenTheyComeBack()
    {
        // A refused storage query reads as no disks; the next answer is not a wave of creations.
        var log = new RoutineOperations(_time);
        log.Observe(VirtualDisks(("UserStorage_1", 1L << 40)), Reporter);
        Assert.Empty(log.Observe(VirtualDisks(), Reporter));
        Assert.Empty(log.Observe(VirtualDisks(("UserStorage_1", 1L << 40)), Reporter));
    }

    [Fact]
    public void TheFirstWorkloadVolume_AfterOnlyThePerformanceHistory_IsCreated()
    {
        var log = new RoutineOperations(_time);
        log.Observe(VirtualDisks(("ClusterPerformanceHistory", 20L << 30)), Reporter);
        Assert.Equal([("volume_created", "UserStorage_1")], log.Observe(VirtualDisks(("ClusterPerformanceHistory", 20L << 30), ("UserStorage_1", 1L << 40)), Reporter));
    }

    private static WindowsSnapshot VirtualDisks(params (string Name, long Size)[] disks) =>
        new() { VirtualDisks = [.. disks.Select(d => new VirtualDiskRecord { FriendlyName = d.Name, Size = d.Size })] };

    private static WindowsSnapshot Nodes((int State, int Drain) n1) =>
        new() { Nodes = [new ClusterNodeRecord { Name = "n1", State = n1.State, NodeDrainStatus = n1.Drain }] };

    private static WindowsSnapshot Disks(int usage) =>
        new() { PhysicalDisks = [new PhysicalDiskRecord { FriendlyName = "INTEL SSD", SerialNumber = "SN1 ", Usage = usage }] };

    private static WindowsSnapshot Jobs(int state) =>
        new() { Jobs = [new StorageJobRecord { Name = "Repair", JobState = state }] };
}
