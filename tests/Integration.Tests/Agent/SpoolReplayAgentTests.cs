using System.Globalization;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Agent;

/// <summary>
/// The agent loses nothing when Rules dies: Rules runs as its own process; a linux collector exports to it every
/// 500 ms (retry backoff capped at 1 s) through a TCP relay. The test cuts the network (the relay resets every
/// connection), reads what Rules holds, which is then final, and kills Rules with SIGKILL; the collector keeps
/// spooling, Rules is started again on the same port, the network is restored, and the test shows from what Rules
/// holds that every batch arrived, in order, with its original timestamp. Each batch carries its sequence number
/// (azlm_agent_batch_sequence), so a lost batch is a gap and a reordering is a step back. Cutting before reading is
/// what makes the check exact: without it a batch acknowledged between the read and the kill (a loaded machine)
/// could neither be shown delivered nor be told from a lost one.
/// </summary>
public sealed class SpoolReplayAgentTests
{
    private const string Cluster = "agent-replay";
    private const string Sequence = "azlm_agent_batch_sequence";

    [Fact]
    public async Task RulesKilledAndRestarted_EveryBatchArrivesInOrder_WithItsOriginalTimestamp()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("azlm-agent-replay-").FullName;
        var spool = Path.Combine(work, "spool");
        var port = FreePort.Next();
        using var http = new HttpClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = new StringWriter();
        var rulesA = await RulesProcess.StartAsync(port, work, "--Series:HistoryLength", "4096");
        await using var network = new TcpRelay(port);
        Task<int> collector;
        IReadOnlyList<(long Time, double Value)> beforeKill;
        long killedAtMs;
        try
        {
            collector = Task.Run(() => CollectorApp.RunAsync(
                ["--source", "linux", "--cluster", Cluster, "--node", "agent-node", "--rules", network.BaseAddress.ToString(),
                 "--interval", "500ms", "--spool", spool, "--retry-max-delay", "1s"],
                output, output, stop.Token));

            await Poll.UntilAsync(
                async () => (await rulesA.PointsAsync(http, Sequence, Cluster)).Count >= 5 ? "five" : null,
                TimeSpan.FromSeconds(60), "Rules A to receive 5 batches", () => output + rulesA.Output);

            // Cut first: from here no batch reaches Rules A and no acknowledgement reaches the collector, so what
            // Rules A holds now is everything it will ever hold. Then kill it.
            network.Cut();
            killedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            beforeKill = await rulesA.PointsAsync(http, Sequence, Cluster);
            await rulesA.KillAsync();
        }
        finally
        {
            await rulesA.DisposeAsync();
        }

        Assert.Equal(Enumerable.Range(1, beforeKill.Count).Select(i => (double)i), beforeKill.Select(p => p.Value));
        var lastBeforeKill = (long)beforeKill[^1].Value;

        // Rules is gone: the collector keeps collecting into the spool, and its retries (backoff capped at 1 s) run out
        // more than once, so delivery resumes through a later retry round, not the first one.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var waiting = SpooledSequences(spool);
        Assert.True(waiting.Count >= 5, $"expected the batches of 8 s of outage on disk, found {waiting.Count}\n{output}");
        var firstUnacknowledged = waiting[0];

        // At least once: the batch Rules A last holds may also be re-sent if its acknowledgement was cut off; one more
        // would be a batch acknowledged that Rules A never stored.
        Assert.InRange(firstUnacknowledged, lastBeforeKill, lastBeforeKill + 1);
        var restartedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await using var rulesB = await RulesProcess.StartAsync(port, work, "--Series:HistoryLength", "4096");
        network.Restore();
        await Poll.UntilAsync(
            () => Task.FromResult(SpooledSequences(spool).Count <= 1 ? "drained" : null),
            TimeSpan.FromSeconds(60), "the spool to drain into Rules B", () => $"{output}\n{network.Log}\nspool: {string.Join(' ', SpooledSequences(spool))}\n{rulesB.Output}");
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, await collector.WaitAsync(TimeSpan.FromSeconds(30)));
        var lastProduced = long.Parse(File.ReadAllText(Path.Combine(spool, "last-sequence")), CultureInfo.InvariantCulture);
        Assert.Empty(SpooledSequences(spool));

        var afterRestart = await rulesB.PointsAsync(http, Sequence, Cluster);
        var expected = Enumerable.Range((int)firstUnacknowledged, (int)(lastProduced - firstUnacknowledged + 1)).Select(i => (double)i);
        Assert.Equal(expected, afterRestart.Select(p => p.Value));
        Assert.True(afterRestart.Zip(afterRestart.Skip(1)).All(pair => pair.First.Time < pair.Second.Time), "timestamps must increase with the sequence");

        // The batches of the outage carry the time they were measured, not the time they were replayed.
        var duringOutage = afterRestart.Where(p => p.Time > killedAtMs && p.Time < restartedAtMs).ToList();
        Assert.True(duringOutage.Count >= 5, $"expected >= 5 batches stamped inside the outage, got {duringOutage.Count}");

        // Nothing was refused as out of order, and the host metrics of those batches arrived with them.
        var metrics = await http.GetStringAsync(new Uri(rulesB.BaseAddress, "/metrics"));
        Assert.DoesNotContain(metrics.Split('\n'), l => l.StartsWith("azlm_ingest_samples_rejected_total{reason=\"out_of_order\"}", StringComparison.Ordinal) && !l.EndsWith(" 0", StringComparison.Ordinal));
        var memory = await rulesB.PointsAsync(http, "azlocal_node_memory_size_bytes", Cluster);
        Assert.True(memory.Count >= afterRestart.Count - 1, $"memory points {memory.Count} vs batches {afterRestart.Count}");

        // Rules B writes its state under the work directory until it stops.
        await rulesB.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    private static List<long> SpooledSequences(string spool) =>
        [.. Directory.EnumerateFiles(spool, "*.otlp").Select(f => long.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture)).Order()];
}
