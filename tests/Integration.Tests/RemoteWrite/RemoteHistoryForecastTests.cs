using System.Globalization;
using System.Text;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.RemoteWrite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Integration.Tests.RemoteWrite;

/// <summary>
/// One 18-month backfill loaded twice: into the local SQLite store, and by remote write into a real
/// VictoriaMetrics read back with PromQL (Capacity:HistorySource=remote). The capacity forecasts of the two must be
/// the same: same methods, history, forecast paths and policy-crossing dates. Values are whole numbers or four
/// decimals, which the store keeps exactly; sums may round differently in the last bits, hence a 1e-9 tolerance.
/// </summary>
public sealed class RemoteHistoryForecastTests
{
    private const string Cluster = "fleet-a";

    [Fact]
    public async Task ForecastFromVictoriaMetricsHistory_EqualsTheOneFromSqlite()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 3600 * 3600);
        var directory = Directory.CreateTempSubdirectory("azlm-rw-forecast-").FullName;
        var csv = Path.Combine(directory, "backfill.csv");
        var points = await File.Create(csv).DisposeAndWriteAsync(Backfill(now));
        await using var store = await VictoriaMetricsServer.StartAsync();
        using var http = new HttpClient();

        var sqlite = new SqliteHistoryStore(Path.Combine(directory, "history.db"));
        Assert.Equal(points, await HistoryCsv.BackfillAsync(sqlite, csv));

        var options = new RemoteWriteOptions { WalPath = Path.Combine(directory, "wal"), MinBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) };
        var destination = new RemoteWriteDestination(store.WriteUrl, null, null, null);
        using var buffer = new RemoteWriteBuffer(options, [destination]);
        var tap = new RemoteWriteTap(buffer, options);
        var remote = new PromQlHistoryStore(http, store.BaseAddress, tap, TimeProvider.System, new HistoryRetention());
        Assert.Equal(points, await HistoryCsv.BackfillAsync(remote, csv));
        var sender = new RemoteWriteSender(http, destination, buffer.Cursors[destination], options, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var sending = sender.RunAsync(stop.Token);
        await Poll.UntilAsync(() => Task.FromResult(sender.Cursors.All(c => c.Pending == 0) ? "sent" : null), TimeSpan.FromMinutes(3), "the backfill to be written", () => store.Output);
        await stop.CancelAsync();
        await sending;
        Assert.Equal(points, sender.Sent);
        await http.GetAsync(new Uri(store.BaseAddress, "internal/force_flush"));

        var capacity = Options.Create(new CapacityOptions());
        var fromSqlite = await new CapacityForecaster(sqlite, capacity).ForecastAsync(Cluster, now, null);
        var fromStore = await Poll.UntilAsync(
            async () => await new CapacityForecaster(remote, capacity).ForecastAsync(Cluster, now, null) is { Resources.Count: > 0 } c && c.Resources.Count == fromSqlite.Resources.Count ? c : null,
            TimeSpan.FromSeconds(30), "the history to be searchable");

        Assert.Contains(Cluster, await remote.ClustersAsync());
        Assert.True(fromSqlite.Resources.Count >= 4, "resources forecast: " + string.Join(", ", fromSqlite.Resources.Select(r => r.Resource)) + "; notes: " + string.Join(" ", fromSqlite.Notes));
        foreach (var (expected, actual) in fromSqlite.Resources.Zip(fromStore.Resources))
        {
            var what = expected.Resource;
            Assert.Equal(what, actual.Resource);
            Assert.Equal(expected.Method, actual.Method);
            Assert.Equal(expected.History.Select(h => h.Timestamp), actual.History.Select(h => h.Timestamp));
            Assert.True(expected.History.Count > 500, $"{what}: {expected.History.Count} daily points");
            AssertClose(what + " history", expected.History.Select(h => h.Value), actual.History.Select(h => h.Value));
            Assert.Equal(expected.Points.Select(f => f.Timestamp), actual.Points.Select(f => f.Timestamp));
            AssertClose(what + " P10", expected.Points.Select(f => f.P10), actual.Points.Select(f => f.P10));
            AssertClose(what + " P50", expected.Points.Select(f => f.P50), actual.Points.Select(f => f.P50));
            AssertClose(what + " P90", expected.Points.Select(f => f.P90), actual.Points.Select(f => f.P90));
            Assert.Equal(expected.Crossing.OrderBy(c => c.Key), actual.Crossing.OrderBy(c => c.Key));
        }
    }

    /// <summary>Hourly points of 548 days to <paramref name="now"/>: storage and memory growing, CPU with a daily shape and noise, VMs stepping.</summary>
    private static string Backfill(DateTimeOffset now)
    {
        var random = new Random(13);
        var sb = new StringBuilder("cluster,series,timestamp,value\n");
        var hours = 548 * 24;
        for (var h = 0; h < hours; h++)
        {
            var t = now.AddHours(h - hours + 1).ToUnixTimeSeconds();
            var day = h / 24.0;
            void Row(string series, double value) => sb.Append(CultureInfo.InvariantCulture, $"{Cluster},{series},{t},{value.ToString("R", CultureInfo.InvariantCulture)}\n");
            Row(HistorySeries.StorageUsedFootprint, Math.Round(40e12 + (day * 30e9) + (random.NextDouble() * 5e9)));
            Row(HistorySeries.StorageCapacity, 100e12);
            Row(HistorySeries.MemoryUsed, Math.Round(900e9 + (day * 0.8e9) + (random.NextDouble() * 20e9)));
            Row(HistorySeries.MemorySize, 2048e9);
            Row(HistorySeries.MemoryLargestNode, 512e9);
            Row(HistorySeries.CpuUtilization, Math.Round(0.3 + (0.0004 * day) + (0.1 * Math.Sin(2 * Math.PI * (h % 24) / 24.0)) + (0.05 * random.NextDouble()), 4));
            Row(HistorySeries.VmCount, 100 + Math.Floor(day / 30));
        }

        return sb.ToString();
    }

    private static void AssertClose(string what, IEnumerable<double> expected, IEnumerable<double> actual)
    {
        var pairs = expected.Zip(actual).ToList();
        var worst = pairs.Select((p, i) => (i, p.First, p.Second, Error: Math.Abs(p.First - p.Second) / Math.Max(1e-300, Math.Max(Math.Abs(p.First), Math.Abs(p.Second)))))
            .Where(x => !(double.IsNaN(x.First) && double.IsNaN(x.Second))).MaxBy(x => x.Error);
        Assert.True(pairs.Count == 0 || worst.Error <= 1e-9, $"{what}: point {worst.i} SQLite {worst.First} vs store {worst.Second}");
    }
}

internal static class StreamWriting
{
    /// <summary>Writes <paramref name="text"/> to the file and returns its data rows (lines after the header).</summary>
    public static async Task<int> DisposeAndWriteAsync(this FileStream file, string text)
    {
        await using (file)
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(text));
        }

        return text.Count(c => c == '\n') - 1;
    }
}
