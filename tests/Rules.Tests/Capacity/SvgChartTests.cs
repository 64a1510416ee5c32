using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.Capacity.Reporting;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public class SvgChartTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 1.05, new[] { 0, 0.25, 0.5, 0.75, 1, 1.25 })]   // ratios up to 105%: 25% steps, not 0/26/53/79/105
    [InlineData(0, 0.8, new[] { 0, 0.2, 0.4, 0.6, 0.8 })]
    [InlineData(0, 37, new[] { 0, 10.0, 20, 30, 40 })]
    public void AxisTicks_AreRound(double min, double max, double[] expected) => Assert.Equal(expected, AxisTicks.Round(min, max));

    [Fact]
    public void Chart_HasLegendTodayAnnotatedCrossing_AndADashedForecastStartingAtTheLastObservation()
    {
        var history = Enumerable.Range(0, 100).Select(d => new HistoryPoint(T0.AddDays(d), 0.5 + (0.002 * d))).ToList();
        var points = Enumerable.Range(1, 100).Select(d => new ForecastPoint(T0.AddDays(99 + d), 0.69 + (0.002 * d), 0.698 + (0.002 * d), 0.71 + (0.002 * d))).ToList();
        var crossing = new Dictionary<string, DateTimeOffset> { ["0.5"] = T0.AddDays(150) };
        var resource = new ResourceForecast("memory", true, 0.8, "combination", 1, 2, null, 0.698, history, points, crossing);

        var svg = SvgChart.Render(resource, "c1", T0.AddDays(99));

        Assert.Contains("class=\"legend\"", svg, StringComparison.Ordinal);
        Assert.Contains(">forecast P50</text>", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"today\"", svg, StringComparison.Ordinal);
        Assert.Contains(">crosses 80% (median) 2025-05-31</text>", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"forecast-p50\" fill=\"none\" stroke=\"#08519c\" stroke-width=\"2\" stroke-dasharray=", svg, StringComparison.Ordinal);
        var p50 = System.Text.RegularExpressions.Regex.Match(svg, "class=\"forecast-p50\"[^>]*points=\"([^\"]+)\"").Groups[1].Value.Split(' ');
        var historyPoints = System.Text.RegularExpressions.Regex.Match(svg, "class=\"history\"[^>]*points=\"([^\"]+)\"").Groups[1].Value.Split(' ');
        Assert.Equal(historyPoints[^1], p50[0]);
        Assert.DoesNotContain(">26%<", svg, StringComparison.Ordinal);
        Assert.Contains(">20%</text>", svg, StringComparison.Ordinal);
    }
}
