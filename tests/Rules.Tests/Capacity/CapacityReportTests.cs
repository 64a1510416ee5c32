using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Capacity;
using AzLocalMonitor.Rules.Capacity.Reporting;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Tests.Support;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests.Capacity;

public sealed partial class CapacityReportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Report_HasKeyDatesAndAChartPerResource()
    {
        var html = CapacityReport.Render([await ForecastAsync("c1")], "Capacity report: c1");

        Assert.Contains("<table class=\"key-dates\">", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<svg class=\"chart\"").Count); // memory and n_plus_1 have history here
        Assert.Contains("class=\"forecast-band\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"threshold\"", html, StringComparison.Ordinal);
        Assert.Contains("step change detected on", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RendersInHeadlessChromium_AndItsChartsAreDrawn()
    {
        var html = CapacityReport.Render([await ForecastAsync("c1"), await ForecastAsync("c2")], "Capacity report: fleet");
        // Measure the drawn geometry in the browser: the layout engine's bounding boxes and path lengths are only
        // non-zero when the SVG was parsed and laid out.
        const string probe = """
            <script>
            window.addEventListener('load', () => {
              const boxes = [...document.querySelectorAll('svg.chart')].map(svg => {
                const band = svg.querySelector('.forecast-band').getBBox();
                const p50 = svg.querySelector('.forecast-p50').getTotalLength();
                const history = svg.querySelector('.history').getTotalLength();
                return `${Math.round(band.width)}x${Math.round(band.height)}:${Math.round(p50)}:${Math.round(history)}`;
              });
              const out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = 'charts=' + boxes.length + ' ' + boxes.join(' ');
              document.body.appendChild(out);
            });
            </script>
            """;
        var file = _dir.File("report.html");
        await File.WriteAllTextAsync(file, html.Replace("</body>", probe + "</body>", StringComparison.Ordinal));

        var dom = await Chromium.RunAsync(file, _dir.Path, "--dump-dom");

        var match = ProbePattern().Match(dom);
        Assert.True(match.Success, "probe output missing from the DOM: " + dom[..Math.Min(500, dom.Length)]);
        Assert.Equal(4, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        foreach (Match chart in ChartPattern().Matches(match.Value))
        {
            Assert.True(int.Parse(chart.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, chart.Value); // band width (px)
            Assert.True(int.Parse(chart.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, chart.Value); // band height
            Assert.True(int.Parse(chart.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, chart.Value); // P50 line length
            Assert.True(int.Parse(chart.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, chart.Value); // history line length
        }

        var png = _dir.File("report.png");
        await Chromium.RunAsync(file, _dir.Path, "--screenshot=" + png, "--window-size=1000,1400");
        Assert.True(new FileInfo(png).Length > 10_000, "screenshot too small to hold the charts");
    }

    private async Task<ClusterCapacity> ForecastAsync(string cluster)
    {
        var store = new SqliteHistoryStore(_dir.File(cluster + ".db"));
        var random = new Random(cluster.GetHashCode(StringComparison.Ordinal) & 0xff);
        var samples = new List<HistorySample>();
        for (var day = -300; day <= 0; day++)
        {
            var t = Now.AddDays(day).ToUnixTimeMilliseconds();
            var used = (600 + (1.0 * (day + 300)) + (day >= -60 ? 150 : 0) + (20 * Math.Sin(2 * Math.PI * day / 7)) + (random.NextDouble() * 5)) * 1e9;
            samples.Add(new(cluster, HistorySeries.MemoryUsed, t, used));
            samples.Add(new(cluster, HistorySeries.MemorySize, t, 1536e9));
            samples.Add(new(cluster, HistorySeries.MemoryLargestNode, t, 512e9));
        }

        await store.AppendAsync(samples);
        await store.RollUpAsync(samples.Min(s => s.TimestampMs));
        return await new CapacityForecaster(store, Options.Create(new CapacityOptions())).ForecastAsync(cluster, Now, snapshot: null);
    }

    [GeneratedRegex(@"charts=(\d+)[^<]*")]
    private static partial Regex ProbePattern();

    [GeneratedRegex(@"(\d+)x(\d+):(\d+):(\d+)")]
    private static partial Regex ChartPattern();
}
