using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

public class WindowsEnumsTests
{
    // MSFT_StorageDiagnoseResult MOF: 2 Information, 3 Degraded/Warning, 4 Minor, 5 Major, 6 Critical, 7 Fatal;
    // the Health Service page: 5 Warning, 6 Error.
    [Theory]
    [InlineData(0, "warning")]
    [InlineData(2, "info")]
    [InlineData(3, "warning")]
    [InlineData(4, "warning")]
    [InlineData(5, "warning")]
    [InlineData(6, "critical")]
    [InlineData(7, "critical")]
    public void FaultSeverity_PerTheMof(int perceived, string expected) => Assert.Equal(expected, WindowsEnums.FaultSeverity(perceived));

    // MSFT_StorageJob.JobState: 2 New, 3 Starting, 4 Running, 5 Suspended, 7 Completed, 12 Query Pending.
    [Theory]
    [InlineData("UserStorage_1-Repair", 5, "suspended")]
    [InlineData("ClusterPerformanceHistory-Repair", 4, "running")]
    [InlineData("Regeneration", 3, "running")]
    [InlineData("Infrastructure_1-Repair", 12, "queued")]
    [InlineData("Infrastructure_1-Repair", 2, "queued")]
    [InlineData("UserStorage_1-Repair", 7, null)]
    [InlineData("Optimize", 4, null)]
    public void RepairState_SuspendedJobsCount(string name, int jobState, string? expected) =>
        Assert.Equal(expected, WindowsEnums.RepairState(name, jobState));

    [Fact]
    public void Resiliency_TieredDiskWithBlankSettingTakesItsTier()
    {
        // userdata01 in MicrosoftDocs' S2D example: blank ResiliencySettingName, 49.5% efficiency (two copies).
        var disk = new VirtualDiskRecord
        {
            FriendlyName = "userdata01",
            ResiliencySettingName = "",
            Tiers = [new StorageTierRecord { FriendlyName = "userdata01-Capacity", ResiliencySettingName = "Mirror", NumberOfDataCopies = 2, PhysicalDiskRedundancy = 1 }],
        };

        Assert.Equal("two_way_mirror", WindowsEnums.Resiliency(disk));
        Assert.Null(WindowsEnums.Resiliency(disk with { Tiers = [] }));
        Assert.Equal("mirror_accelerated_parity", WindowsEnums.Resiliency(disk with
        {
            Tiers = [.. disk.Tiers, new StorageTierRecord { ResiliencySettingName = "Parity", PhysicalDiskRedundancy = 2 }],
        }));
    }
}
