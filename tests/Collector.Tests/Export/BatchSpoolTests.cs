using AzLocalMonitor.Collector.Export.Spool;

namespace AzLocalMonitor.Collector.Tests.Export;

public sealed class BatchSpoolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azlm-spool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Payload(long sequence) => BitConverter.GetBytes(sequence);

    [Fact]
    public void Append_AssignsConsecutiveSequences_AndEachConsumerReadsInOrder()
    {
        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["a", "b"]);
        for (var i = 0; i < 3; i++)
        {
            spool.Append(Payload);
        }

        Assert.Equal(1, spool.Next("a")!.Sequence);
        spool.Acknowledge("a", 1);
        Assert.Equal(2, spool.Next("a")!.Sequence);
        Assert.Equal(1, BitConverter.ToInt64(BatchSpool.Read(spool.Next("b")!)));

        // Kept until every destination has it.
        Assert.Equal(3, spool.Depth);
        spool.Acknowledge("b", 2);
        Assert.Equal(2, spool.Depth);
        Assert.Equal(3, spool.Next("b")!.Sequence);
    }

    [Fact]
    public void Reopen_ContinuesSequencesAndCursors_AfterACrash()
    {
        using (var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]))
        {
            spool.Append(Payload);
            spool.Append(Payload);
            spool.Append(Payload);
            spool.Acknowledge("rules", 3);
        }

        File.WriteAllText(Path.Combine(_dir, "00000000000000000009.otlp.tmp"), "half a batch");
        using var reopened = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);

        Assert.Equal(0, reopened.Depth);
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp"));
        Assert.Equal(4, reopened.Append(Payload));
        Assert.Equal(4, reopened.Next("rules")!.Sequence);
    }

    [Fact]
    public void Append_OverTheLimit_DropsTheOldestAndCountsIt()
    {
        using var spool = new BatchSpool(_dir, new SpoolLimits(3, long.MaxValue), ["rules"]);
        for (var i = 0; i < 5; i++)
        {
            spool.Append(Payload);
        }

        Assert.Equal(3, spool.Depth);
        Assert.Equal(2, spool.Dropped);
        Assert.Equal(3, spool.Next("rules")!.Sequence);
    }

    [Fact]
    public void Append_OverTheByteLimit_KeepsTheNewestBatch()
    {
        using var spool = new BatchSpool(_dir, new SpoolLimits(100, 10), ["rules"]);
        spool.Append(_ => new byte[8]);
        spool.Append(_ => new byte[8]);

        Assert.Equal(1, spool.Depth);
        Assert.Equal(2, spool.Next("rules")!.Sequence);
        Assert.Equal(1, spool.Dropped);
    }

    [Fact]
    public void Quarantine_KeepsACopyAndCounts()
    {
        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);
        spool.Append(Payload);
        var batch = spool.Next("rules")!;

        spool.Quarantine(batch);
        spool.Acknowledge("rules", batch.Sequence);

        Assert.Equal(1, spool.Poisoned);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_dir, "poison")));
        Assert.Equal(0, spool.Depth);
    }

    [Fact]
    public void SecondOpen_WhileHeld_IsRefused()
    {
        using var spool = new BatchSpool(_dir, SpoolLimits.Default, ["rules"]);

        Assert.Throws<SpoolLockedException>(() => new BatchSpool(_dir, SpoolLimits.Default, ["rules"]));
    }
}
