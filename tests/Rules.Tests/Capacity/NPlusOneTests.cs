using AzLocalMonitor.Rules.Capacity.Model;

namespace AzLocalMonitor.Rules.Tests.Capacity;

/// <summary>
/// N+1 per topology against the module's arithmetic (azure-local-architecture-deep-dive: storage resilience
/// models, deployment patterns, customer scenarios) and docs/capacity.md. Every expected ratio is worked out by hand
/// in the comment above it: footprint = data / efficiency (two-way 50%, three-way 33.3%, dual parity on 4–6 nodes 50%).
/// </summary>
public class NPlusOneTests
{
    private const double GiB = 1L << 30;

    [Fact]
    public void OneNode_ResearchPoc_DoesNotSurvive()
    {
        // Module scenario 4: one node, 4 TB SSD, no high availability.
        var result = NPlusOne.Evaluate(new([Mem("n1", 512, 300)], [new("n1", 4 * Units.TB)], [new("research-data", 2.5 * Units.TB, Resiliency.Simple)], 0.5));

        Assert.Equal(Redundancy.Lost, result.Redundancy);
        Assert.False(result.Holds);
        Assert.StartsWith("does not survive", result.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoNodes_TwoWayMirror_SurvivorKeepsOneCopy_NoRedundancyNotDoesNotFit()
    {
        // Module 2-node pattern: two-way mirror, survives 1 node failure. 2 × 2 TB raw, a 1.5 TB volume:
        // footprint 3 TB of 4 TB. After losing a node the survivor's 2 TB hold its one copy, 1.5 TB: 0.75.
        // (The old test asked 3 TB to fit on 2 TB: 1.5, "does not hold" from day one.)
        var result = NPlusOne.Evaluate(new(
            [Mem("a", 512, 150), Mem("b", 512, 150)], [new("a", 2 * Units.TB), new("b", 2 * Units.TB)],
            [new("vm", 1.5 * Units.TB, Resiliency.TwoWayMirror)], 0.3));

        Assert.Equal(0.75, result.StorageRatio, 9);
        Assert.Equal(300.0 / 512, result.MemoryRatio, 9);
        Assert.Equal(0.6, result.CpuRatio, 9); // 30% on each of 2 nodes = 60% of one
        Assert.Equal(Redundancy.None, result.Redundancy);
        Assert.True(result.Holds);
        Assert.Equal("holds, with no redundancy until repaired", result.Verdict);
    }

    [Fact]
    public void TwoNodes_SurvivorTooSmallForOneCopy_DoesNotFit()
    {
        // 2 × 2 TB with a 2.5 TB two-way volume is already 5 TB of 4 (over-provisioned, thin): one copy 2.5 TB > 2 TB.
        var result = NPlusOne.Evaluate(new([], [new("a", 2 * Units.TB), new("b", 2 * Units.TB)], [new("vm", 2.5 * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(1.25, result.StorageRatio, 9);
        Assert.False(result.StorageHolds);
    }

    [Fact]
    public void ThreeNodes_ModuleExample_ThreeWayMirrorKeepsTwoCopies()
    {
        // Module: 3 nodes × 2 TB = 6 TB raw, three-way mirror → 2 TB usable, ~1.8 TB for VMs. A 1.8 TB three-way
        // volume (5.4 TB footprint). Losing a node: a three-way mirror cannot be rebuilt on 2 nodes; the 2 left keep
        // two copies, 3.6 TB of their 4 TB: 0.9, reduced redundancy (still survives one more failure).
        var result = NPlusOne.Evaluate(new([], Nodes(3, 2 * Units.TB), [new("vms", 1.8 * Units.TB, Resiliency.ThreeWayMirror)]));

        Assert.Equal(0.9, result.StorageRatio, 9);
        Assert.Equal(Redundancy.Reduced, result.Redundancy);
        Assert.True(result.Holds);
        Assert.Contains(result.Notes, n => n.Contains("cannot be rebuilt on 2 nodes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2.0, 1.0, true)]   // two copies of 2 TB = 4 TB on the 2 × 2 TB left: exactly full
    [InlineData(2.2, 1.1, false)]  // 4.4 TB on 4 TB
    public void ThreeNodes_TwoWayMirror_RebuildsTwoCopiesOnTheTwoLeft(double dataTb, double ratio, bool holds)
    {
        var result = NPlusOne.Evaluate(new([], Nodes(3, 2 * Units.TB), [new("v", dataTb * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(ratio, result.StorageRatio, 9);
        Assert.Equal(holds, result.StorageHolds);
        Assert.Equal(Redundancy.Full, result.Redundancy);
    }

    [Fact]
    public void ThreeNodes_LosesTheNodeWithTheMostCapacity()
    {
        // 4 + 4 + 6 TB, two-way 3 TB: the 6 TB node is lost; 6 TB of footprint on 8 TB left: 0.75.
        var result = NPlusOne.Evaluate(new([], [new("a", 4 * Units.TB), new("b", 4 * Units.TB), new("big", 6 * Units.TB)], [new("v", 3 * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(0.75, result.StorageRatio, 9);
    }

    [Fact]
    public void ThreeNodes_MemoryAfterLosingTheLargestNode_AndPeakCpu()
    {
        // 256 + 256 + 1024 GiB, 600 GiB in use: without the 1 TiB node only 512 GiB remain: 600/512.
        // CPU at peak 70% on 3 nodes: 2.1 nodes of work on 2 nodes = 1.05.
        var result = NPlusOne.Evaluate(new([Mem("n1", 256, 200), Mem("n2", 256, 200), Mem("big", 1024, 200)], [], [], 0.7));

        Assert.Equal(600.0 / 512, result.MemoryRatio, 9);
        Assert.Equal(1.05, result.CpuRatio, 9);
        Assert.False(result.MemoryHolds);
        Assert.False(result.CpuHolds);
        Assert.Equal("does not fit on the nodes left: memory, CPU", result.Verdict);
    }

    [Fact]
    public void ThreeNodes_Manufacturing_MixedLayout_EachVolumeAtWhatTwoNodesCanHold()
    {
        // Module scenario 1: 3 nodes; database 2 TB three-way mirror, analytics 1 TB two-way, test/dev 2 TB "parity"
        // (on 3 nodes only single parity, 2 data + 1 parity: 66.7%). Nodes of 4.5 TB raw (13.5 TB; footprint
        // 6 + 2 + 3 = 11 TB). Losing a node leaves 9 TB: the three-way mirror keeps two copies (4 TB, reduced); the
        // two-way mirror is rebuilt as two copies on the 2 left (2 TB); single parity needs 3 nodes, so the 2 left
        // keep their 2 of its 3 columns (2/3 × 3 TB = 2 TB) with no parity: no redundancy until repaired.
        // 4 + 2 + 2 = 8 TB on 9 TB.
        var result = NPlusOne.Evaluate(new([], Nodes(3, 4.5 * Units.TB),
            [new("database", 2 * Units.TB, Resiliency.ThreeWayMirror), new("analytics", 1 * Units.TB, Resiliency.TwoWayMirror), new("testdev", 2 * Units.TB, Resiliency.Parity)]));

        Assert.Equal(8.0 / 9, result.StorageRatio, 9);
        Assert.Equal(Redundancy.None, result.Redundancy);
        Assert.True(result.Holds);
    }

    [Fact]
    public void FourNodes_TwoWayMirror_RebuildsOnThree_FullRedundancy()
    {
        // Module 4+ node pattern with two-way mirror: 4 × 8 TB, 10 TB of data (20 TB footprint). After losing a node
        // the two copies are rebuilt on the 3 left (24 TB): 20 / 24, full redundancy again.
        var result = NPlusOne.Evaluate(new([], Nodes(4, 8 * Units.TB), [new("v", 10 * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(20.0 / 24, result.StorageRatio, 9);
        Assert.Equal(Redundancy.Full, result.Redundancy);
        Assert.True(result.Holds);
    }

    [Fact]
    public void FourNodes_HospitalA_ThreeWayRebuilds_DualParityDegraded()
    {
        // Module scenario 3, Hospital A: 4 nodes (8 × 4 TB HDD each = 32 TB, 128 TB raw, hybrid); PACS 10 TB and
        // EHR 5 TB three-way mirror, backup 20 TB parity (dual parity on 4 nodes: 50%). Footprint 30 + 15 + 40 = 85 TB.
        // Losing a node: three-way rebuilds on 3 nodes (45 TB); dual parity needs 4 nodes and keeps 3/4 of its
        // 40 TB (30 TB). 75 TB on 96 TB = 0.78125, reduced redundancy.
        var result = NPlusOne.Evaluate(new([], Nodes(4, 32 * Units.TB),
            [new("pacs", 10 * Units.TB, Resiliency.ThreeWayMirror), new("ehr", 5 * Units.TB, Resiliency.ThreeWayMirror), new("backup", 20 * Units.TB, Resiliency.Parity)],
            Media: MediaKind.Hybrid));

        Assert.Equal(75.0 / 96, result.StorageRatio, 9);
        Assert.Equal(Redundancy.Reduced, result.Redundancy);
        Assert.True(result.Holds);
    }

    [Theory]
    [InlineData(0.70, 0.7 * 4 / 3, true)]
    [InlineData(0.80, 0.8 * 4 / 3, false)]
    public void FourNodes_PeakCpu_OnThreeNodes(double peak, double ratio, bool holds)
    {
        var result = NPlusOne.Evaluate(new([Mem("a", 1024, 600), Mem("b", 1024, 600), Mem("c", 1024, 600), Mem("d", 1024, 600)], Nodes(4, 32 * Units.TB), [], peak));

        Assert.Equal(ratio, result.CpuRatio, 9);
        Assert.Equal(2400.0 / 3072, result.MemoryRatio, 9);
        Assert.Equal(holds, result.Holds);
    }

    [Fact]
    public void Stretched_Bank_TwoSitesOfTwoNodes_OtherSiteKeepsTheDataRedundant()
    {
        // Module scenario 2: 2 nodes per site, two-way mirror on both, synchronous replication. Per node 4 × 1.92 TB
        // = 7.68 TB; volumes trading 2 TB + database 3 TB two-way (10 TB of each site's 15.36 TB). Losing a node in
        // site A: its survivor holds one local copy of 5 TB: 5 / 7.68; site B's replica keeps the data redundant.
        // Memory: 4 × 512 GiB, 700 GiB in use at peak; 3 nodes left: 700 / 1536.
        var nodeRaw = 4 * 1.92 * Units.TB;
        var result = NPlusOne.Evaluate(new(
            [Mem("a1", 512, 200), Mem("a2", 512, 200), Mem("b1", 512, 150), Mem("b2", 512, 150)],
            [new("a1", nodeRaw, "hq"), new("a2", nodeRaw, "hq"), new("b1", nodeRaw, "secondary"), new("b2", nodeRaw, "secondary")],
            [new("trading", 2 * Units.TB, Resiliency.TwoWayMirror), new("database", 3 * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(5 / 7.68, result.StorageRatio, 9);
        Assert.Equal(700.0 / 1536, result.MemoryRatio, 9);
        Assert.Equal(Redundancy.Reduced, result.Redundancy);
        Assert.True(result.Holds);
    }

    [Fact]
    public void Bank_OneSiteAlone_IsATwoNodeCluster_NoRedundancyUntilRepaired()
    {
        // The bank preset's sites are separate 2-node clusters: 5 TB of two-way data, one copy on the 7.68 TB survivor.
        var nodeRaw = 4 * 1.92 * Units.TB;
        var result = NPlusOne.Evaluate(new([], [new("a1", nodeRaw), new("a2", nodeRaw)],
            [new("trading", 2 * Units.TB, Resiliency.TwoWayMirror), new("database", 3 * Units.TB, Resiliency.TwoWayMirror)]));

        Assert.Equal(5 / 7.68, result.StorageRatio, 9);
        Assert.Equal(Redundancy.None, result.Redundancy);
        Assert.True(result.Holds);
    }

    private static NodeMemory Mem(string node, double sizeGiB, double usedGiB) => new(node, sizeGiB * GiB, usedGiB * GiB);

    private static NodeStorage[] Nodes(int count, double raw) => [.. Enumerable.Range(1, count).Select(i => new NodeStorage($"n{i}", raw))];
}
