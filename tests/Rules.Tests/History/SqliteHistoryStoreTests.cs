using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.History;

public sealed class SqliteHistoryStoreTests : IDisposable
{
    private static readonly long Day = Resolution.Day.Milliseconds();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AppendRollUpQuery_RoundTrips()
    {
        var store = new SqliteHistoryStore(_dir.File("h.db"));
        var samples = Enumerable.Range(0, 48 * 12).Select(i => new HistorySample("c1", "mem", i * 300_000L, i)).ToList();

        await store.AppendAsync(samples);
        await store.RollUpAsync(0);

        var daily = await store.QueryAsync("c1", "mem", Resolution.Day, 0, long.MaxValue);
        Assert.Equal(2, daily.Count);
        Assert.Equal(0, daily[0].Min);
        Assert.Equal(287, daily[0].Max);
        Assert.Equal(24, (await store.QueryAsync("c1", "mem", Resolution.Hour, 0, Day)).Count);
        Assert.Equal(288, (await store.QueryAsync("c1", "mem", Resolution.FiveMinutes, 0, Day)).Count);
        Assert.Equal(["c1"], await store.ClustersAsync());
        Assert.Equal((48 * 12 - 1) * 300_000L, await store.LatestRawAsync());
    }

    [Fact]
    public async Task Prune_KeepsRollups_ButRawPrunedDataNeverShrinksAFinishedBucket()
    {
        var store = new SqliteHistoryStore(_dir.File("h.db"));
        await store.AppendAsync(Enumerable.Range(0, 24).Select(i => new HistorySample("c1", "s", i * 3_600_000L, 10)).ToList());
        await store.RollUpAsync(0);

        // Raw of day 0 is pruned on day 3; a later rollup from day 0 must not replace its 24-point bucket with nothing or less.
        await store.PruneAsync(3 * Day, new HistoryRetention());
        await store.AppendAsync([new HistorySample("c1", "s", (Day / 2) + 1, 99)]);
        await store.RollUpAsync(0);

        var day = (await store.QueryAsync("c1", "s", Resolution.Day, 0, Day)).Single();
        Assert.Equal(24, day.Count);
        Assert.Equal(10, day.Max);
    }

    [Fact]
    public async Task Prune_DropsEachResolutionAfterItsRetention()
    {
        var store = new SqliteHistoryStore(_dir.File("h.db"));
        await store.AppendAsync([new HistorySample("c1", "s", 0, 1)]);
        await store.RollUpAsync(0);
        var retention = new HistoryRetention();

        await store.PruneAsync(40 * Day, retention);

        Assert.Empty(await store.QueryAsync("c1", "s", Resolution.FiveMinutes, 0, long.MaxValue));
        Assert.Single(await store.QueryAsync("c1", "s", Resolution.Hour, 0, long.MaxValue));

        await store.PruneAsync(600 * Day, retention);
        Assert.Empty(await store.QueryAsync("c1", "s", Resolution.Hour, 0, long.MaxValue));
        Assert.Single(await store.QueryAsync("c1", "s", Resolution.Day, 0, long.MaxValue));
    }

    [Fact]
    public async Task EighteenMonthsOfHourlyRollups_AreKeptByDefault()
    {
        var store = new SqliteHistoryStore(_dir.File("h.db"));
        await store.AppendAsync([new HistorySample("c1", "s", 0, 1)]);
        await store.RollUpAsync(0);

        await store.PruneAsync(548 * Day, new HistoryRetention());

        Assert.Single(await store.QueryAsync("c1", "s", Resolution.Hour, 0, long.MaxValue));
    }

    [Fact]
    public async Task Backfill_LoadsCsvAndRollsUp()
    {
        var csv = _dir.File("b.csv");
        await File.WriteAllLinesAsync(csv, ["cluster,series,timestamp,value", "c1,memory_used_bytes,2025-01-01T00:00:00Z,5", "c1,memory_used_bytes,2025-01-01T01:00:00Z,7"]);
        var store = new SqliteHistoryStore(_dir.File("h.db"));

        var loaded = await HistoryCsv.BackfillAsync(store, csv);

        Assert.Equal(2, loaded);
        var day = (await store.QueryAsync("c1", "memory_used_bytes", Resolution.Day, 0, long.MaxValue)).Single();
        Assert.Equal(6, day.Avg);
    }

    [Fact]
    public async Task Backfill_BadRow_NamesFileAndLine()
    {
        var csv = _dir.File("b.csv");
        await File.WriteAllLinesAsync(csv, ["c1,s,2025-01-01T00:00:00Z,5", "c1,s,yesterday,7"]);

        var ex = await Assert.ThrowsAsync<FormatException>(() => HistoryCsv.BackfillAsync(new SqliteHistoryStore(_dir.File("h.db")), csv));

        Assert.Contains("b.csv:2:", ex.Message, StringComparison.Ordinal);
    }
}
