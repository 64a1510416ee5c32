using System.Globalization;
using AzLocalMonitor.Collector.Simulate;
using AzLocalMonitor.Collector.Sources.Simulated;

namespace AzLocalMonitor.Collector.Tests.Simulate;

public sealed class SimulatedHistoryTests
{
    private const string Scenario = """
        cluster: grow
        nodes: 3
        seed: 7
        volumes:
          - {name: v1, resiliency: three-way-mirror, size: 2TiB, used: 45%, thin: true}
        growth:
          storage-per-month: 4%
          noise: 0%
        """;

    /// <summary>
    /// Hand-worked from the scenario and the generic 3-node preset (4 × 3.84 TB capacity drives per node): raw
    /// 46.08 TB, reserve one drive per node (11.52 TB) → capacity 34.56 TB; footprint at scenario time 0 = 2 TiB ×
    /// 45% × 3 copies; the growth line runs backwards, so 548 days earlier it is × (1 − 4% × 548 / 30.436875).
    /// </summary>
    [Fact]
    public void History_EndsAtTheScenarioStart_AndRunsTheGrowthLineBackwards()
    {
        var scenario = ScenarioParser.Parse(Scenario, "grow.yaml");
        var end = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        using var writer = new StringWriter();

        var rows = SimulatedHistory.Write(writer, scenario, 0, end, TimeSpan.FromDays(548), TimeSpan.FromDays(1));

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cluster,series,timestamp,value", lines[0]);
        Assert.Equal(rows, lines.Length - 1);
        double Value(string series, DateTimeOffset at) => double.Parse(
            lines.Single(l => l.StartsWith($"grow,{series},{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},", StringComparison.Ordinal)).Split(',')[3], CultureInfo.InvariantCulture);

        var footprintNow = 2.0 * (1L << 40) * 0.45 * 3;
        Assert.Equal(46.08e12, Value("storage_raw_bytes", end), 0);
        Assert.Equal(34.56e12, Value("storage_capacity_bytes", end), 0);
        Assert.Equal(footprintNow, Value("storage_used_footprint_bytes", end), footprintNow * 1e-9);
        var footprintThen = footprintNow * (1 - (0.04 * 548 / 30.436875));
        Assert.Equal(footprintThen, Value("storage_used_footprint_bytes", end.AddDays(-548)), footprintNow * 1e-6);
        Assert.Equal(Value("storage_used_footprint_bytes", end), Value("storage_allocated_bytes", end), 1e3); // thin: allocates what is written
    }
}
