using System.Globalization;
using System.Text;
using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>
/// A capacity history backfill (<c>History:BackfillCsv</c>: <c>cluster,series,timestamp,value</c>) for one cluster:
/// <see cref="Days"/> days, a point every 3 hours, of every <see cref="HistorySeries"/> series. Storage and memory
/// grow steadily (storage from 45% to 70% of capacity, so the forecast crosses the 80% policy within months), with
/// seeded noise; Rules' backfill job forecasts as soon as it has loaded the file.
/// </summary>
public static class CapacityHistoryCsv
{
    public const int Days = 120;

    private const double TB = 1e12;
    private const double GiB = 1L << 30;

    public static void Write(string path, string cluster, DateTimeOffset end)
    {
        var random = new Random(7);
        var sb = new StringBuilder("cluster,series,timestamp,value\n");
        var start = end - TimeSpan.FromDays(Days);
        for (var t = start; t <= end; t += TimeSpan.FromHours(3))
        {
            var progress = (t - start).TotalDays / Days;
            double Noise(double scale) => 1 + (scale * (random.NextDouble() - 0.5));
            var memorySize = 4 * 512 * GiB;
            Row(HistorySeries.StorageCapacity, 160 * TB);
            Row(HistorySeries.StorageRaw, 192 * TB);
            Row(HistorySeries.StorageNodeRawMax, 48 * TB);
            Row(HistorySeries.StorageAllocated, 110 * TB);
            Row(HistorySeries.StorageUsedFootprint, 160 * TB * (0.45 + (0.25 * progress)) * Noise(0.01));
            Row(HistorySeries.MemorySize, memorySize);
            Row(HistorySeries.MemoryLargestNode, 512 * GiB);
            Row(HistorySeries.MemoryUsed, memorySize * (0.50 + (0.15 * progress)) * Noise(0.02));
            Row(HistorySeries.CpuUtilization, 0.30 * Noise(0.2));
            Row(HistorySeries.VmCount, Math.Round(28 + (4 * progress)));

            void Row(string series, double value) =>
                sb.Append(CultureInfo.InvariantCulture, $"{cluster},{series},{t.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{value:R}\n");
        }

        File.WriteAllText(path, sb.ToString());
    }
}
