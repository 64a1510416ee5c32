using System.Globalization;
using System.Net;
using System.Text.Json;
using AzLocalMonitor.Collector;
using AzLocalMonitor.Integration.Tests.Support;
using Xunit;

namespace AzLocalMonitor.Integration.Tests.Demo;

/// <summary>
/// What ./demo.sh does for capacity (issue 14): the collector writes the 18 months of history the demo scenario's
/// growth curve gives (<c>simulate history</c>), Rules starts with it as <c>History:BackfillCsv</c>, the simulated
/// cluster reports live; the capacity API then has a forecast with a P10–P90 band and an N+1 date, and the web
/// page and the HTML report it links answer.
/// </summary>
public sealed class DemoCapacityTests : IDisposable
{
    private const string Cluster = "demo-cluster";
    // A bound, not a speed target: alone it takes about a minute; beside the rest of the suite (the oracle's Rules
    // processes, the HA pair) the backfill and first forecast take longer on 2 cores.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(6);
    private readonly string _directory = Directory.CreateTempSubdirectory("azlm-demo-capacity-").FullName;

    [Fact]
    public async Task DemoBackfill_GivesTheCapacityPageAForecastWithBandAndNPlusOneDate()
    {
        var scenario = Path.Combine(Binaries.RepositoryRoot, "src", "Collector", "scenarios", "demo.yaml");
        var csv = Path.Combine(_directory, "history.csv");
        var console = new StringWriter();
        Assert.Equal(0, await CollectorApp.RunAsync(["simulate", "history", scenario, "--span", "548d", "--output", csv], console, console, CancellationToken.None));

        await using var rules = await RulesServer.StartAsync(null, "--History:BackfillCsv", csv);
        using var stop = new CancellationTokenSource();
        var live = Task.Run(() => CollectorApp.RunAsync(
            ["--source", "simulated", "--scenario", scenario, "--rules", rules.BaseAddress.ToString(), "--interval", "1s", "--spool", Path.Combine(_directory, "spool")],
            TextWriter.Synchronized(console), TextWriter.Synchronized(console), stop.Token));
        using var http = new HttpClient { BaseAddress = rules.BaseAddress };

        using var capacity = await Poll.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri($"api/v1/capacity/{Cluster}", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (Resource(json, "n_plus_1") is { } n && n.GetProperty("points").GetArrayLength() > 0 && json.RootElement.GetProperty("model").ValueKind == JsonValueKind.Object)
                {
                    return json;
                }

                json.Dispose();
                return null;
            },
            Deadline,
            "a capacity forecast for the demo cluster with the live model",
            () => console.ToString(),
            TimeSpan.FromSeconds(1));

        var nPlusOne = Resource(capacity, "n_plus_1")!.Value;
        var history = nPlusOne.GetProperty("history");
        var span = Time(history[history.GetArrayLength() - 1], "timestamp") - Time(history[0], "timestamp");
        Assert.True(span > TimeSpan.FromDays(500), $"the forecast learnt from {span.TotalDays:0} days of history, not the 18 months backfilled");

        // The band: P10 < P50 < P90 at the horizon, visibly apart.
        var last = nPlusOne.GetProperty("points")[nPlusOne.GetProperty("points").GetArrayLength() - 1];
        double P(string q) => last.GetProperty(q).GetDouble();
        Assert.True(P("p10") < P("p50") && P("p50") < P("p90") && P("p90") - P("p10") > 0.01, $"no P10–P90 band at the horizon: {last}");

        // The N+1 date: the scenario's memory after losing a node (VMs + 1%/month memory, 4%/month VMs) reaches the
        // memory of two nodes within the 18-month horizon; independently of the forecaster, linear growth of the
        // backfilled history gives the date, so the median crossing lies between now and the horizon.
        var crossing = nPlusOne.GetProperty("crossing");
        Assert.True(crossing.TryGetProperty("0.5", out var median), $"no median N+1 date: {nPlusOne.GetProperty("crossing")}");
        var at = median.GetDateTimeOffset();
        Assert.InRange(at, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + TimeSpan.FromDays(548));
        var expected = LinearCrossing(history, 1.0);
        Assert.True(Math.Abs((at - expected).TotalDays) < 120, $"N+1 median date {at:yyyy-MM-dd}; the history's least-squares line crosses 1 on {expected:yyyy-MM-dd}");
        Assert.True(capacity.RootElement.GetProperty("model").GetProperty("nPlusOne").GetProperty("holds").GetBoolean(), "the live demo cluster holds N+1 today");

        // The page the demo prints, and the report it links.
        using var page = await http.GetAsync(new Uri($"ui/capacity/{Cluster}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var report = await http.GetStringAsync(new Uri($"api/v1/capacity/{Cluster}/report", UriKind.Relative));
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Contains("n_plus_1", report, StringComparison.OrdinalIgnoreCase);

        await stop.CancelAsync();
        Assert.Equal(0, await live.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }

    private static JsonElement? Resource(JsonDocument json, string name) =>
        json.RootElement.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("resource").GetString() == name).Select(r => (JsonElement?)r).FirstOrDefault();

    private static DateTimeOffset Time(JsonElement point, string name) =>
        DateTimeOffset.Parse(point.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>Where the least-squares line through the history reaches <paramref name="level"/>.</summary>
    private static DateTimeOffset LinearCrossing(JsonElement history, double level)
    {
        var points = history.EnumerateArray().Select(p => (X: Time(p, "timestamp").ToUnixTimeSeconds() / 86400.0, Y: p.GetProperty("value").GetDouble())).ToList();
        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        return DateTimeOffset.FromUnixTimeSeconds((long)((mx + ((level - my) / slope)) * 86400));
    }
}
