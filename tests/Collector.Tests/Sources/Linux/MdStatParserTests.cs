using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Tests.Sources.Linux;

public class MdStatParserTests
{
    private const string Fixture = """
        Personalities : [raid1] [raid6] [raid5] [raid4]
        md0 : active raid1 sdb1[2] sda1[0]
              293032960 blocks super 1.2 [2/1] [U_]
              [===>.................]  recovery = 17.3% (50843392/293032960) finish=24.7min speed=163260K/sec
              bitmap: 1/3 pages [4KB], 65536KB chunk

        md1 : active raid5 sde1[3] sdd1[1] sdc1[0]
              1953260544 blocks super 1.2 level 5, 512k chunk, algorithm 2 [3/3] [UUU]
              [=>...................]  check =  5.0% (48831488/976630272) finish=80.1min speed=192000K/sec

        md2 : active raid1 sdg1[1] sdf1[0]
              104320 blocks [2/2] [UU]
                resync=DELAYED

        md127 : active raid10 sdh[0] sdi[1] sdj[2] sdk[3]
              20953088 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]
              [=========>...........]  resync = 45.1% (9450112/20953088) finish=1.1min speed=171337K/sec

        unused devices: <none>
        """;

    [Fact]
    public void Parse_FindsRecoveryAndResync_NotChecksOrDelayed()
    {
        var rebuilds = MdStatParser.Parse(Fixture);

        Assert.Equal(
        [
            new MdResync("md0", "recovery", 50843392L * 1024, 293032960L * 1024),
            new MdResync("md127", "resync", 9450112L * 1024, 20953088L * 1024),
        ], rebuilds);
        Assert.Equal("md0 recovery", rebuilds[0].JobName);
    }

    [Fact]
    public void Parse_NoArrays_IsEmpty() =>
        Assert.Empty(MdStatParser.Parse("Personalities : \nunused devices: <none>\n"));
}
