using System.Globalization;
using System.Text.Json;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public sealed class CapacityEndpointTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Backfill_AtStart_ForecastsReachTheApiAndMetrics()
    {
        var csv = _dir.File("history.csv");
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var lines = new List<string> { "cluster,series,timestamp,value" };
        for (var day = 0; day < 120; day++)
        {
            var t = start.AddDays(day).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"edge-1,memory_used_bytes,{t},{(500 + (3 * day)) * 1e9}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"edge-1,memory_size_bytes,{t},{1536e9}"));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"edge-1,memory_largest_node_bytes,{t},{512e9}"));
        }

        await File.WriteAllLinesAsync(csv, lines);
        await using var rules = await RunningRules.StartAsync("--History:Path", _dir.File("h.db"), "--History:BackfillCsv", csv);

        JsonElement? cluster = null;
        for (var attempt = 0; attempt < 300 && cluster is null; attempt++)
        {
            var response = await rules.Client.GetAsync(new Uri("/api/v1/capacity/edge-1", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                cluster = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(cluster);
        var memory = cluster.Value.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resource").GetString() == "memory");
        Assert.Equal("combination", memory.GetProperty("method").GetString());
        Assert.True(memory.GetProperty("points").GetArrayLength() > 500);
        Assert.True(memory.GetProperty("crossing").TryGetProperty("0.5", out _));

        var fleet = JsonDocument.Parse(await rules.Client.GetStringAsync(new Uri("/api/v1/capacity", UriKind.Relative))).RootElement;
        Assert.Equal("edge-1", fleet.GetProperty("clusters")[0].GetProperty("cluster").GetString());

        var metrics = await rules.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("azlocal_capacity_exhaustion_timestamp_seconds{cluster=\"edge-1\",quantile=\"0.5\",resource=\"memory\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("azlocal_capacity_forecast{cluster=\"edge-1\",quantile=\"0.9\",resource=\"memory\"}", metrics, StringComparison.Ordinal);

        var report = await rules.Client.GetStringAsync(new Uri("/api/v1/capacity/edge-1/report", UriKind.Relative));
        Assert.Contains("<svg class=\"chart\"", report, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await rules.Client.GetAsync(new Uri("/api/v1/capacity/nope", UriKind.Relative))).StatusCode);
    }
}
