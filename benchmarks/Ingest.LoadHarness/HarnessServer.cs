using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>
/// The harness's own loopback HTTP server: <c>/metrics/{shard}</c> serves the fleet's series for Prometheus to scrape
/// (cluster c in shard c mod shards), <c>/webhook</c> receives Alertmanager's notifications for the latency probe,
/// and <c>/api/v2/alerts</c> is a second Alertmanager address for Rules (it sends every alert to every Alertmanager
/// of its list at once): the moment an alert reaches an Alertmanager, apart from Alertmanager's own dispatch.
/// </summary>
public sealed class HarnessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    /// <summary>First arrival (Stopwatch ticks) of a firing alert per (alertname, cluster), through Alertmanager.</summary>
    public ConcurrentDictionary<(string Alert, string Cluster), long> Arrivals { get; } = new();

    /// <summary>First arrival (Stopwatch ticks) of a firing alert per (alertname, cluster) at the Alertmanager API (Rules' POST).</summary>
    public ConcurrentDictionary<(string Alert, string Cluster), long> AtAlertmanager { get; } = new();


    public HarnessServer(int port, PeerSeries? series, int shards)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _app = builder.Build();
        _app.MapGet("/metrics/{shard:int}", async (int shard, HttpContext http) =>
        {
            if (series is null || !Serving)
            {
                return Results.StatusCode(503);
            }

            http.Response.ContentType = "text/plain; version=0.0.4";
            using var buffer = new MemoryStream();
            series.WriteExposition(buffer, Enumerable.Range(0, Clusters).Where(c => c % shards == shard));
            buffer.Position = 0;
            await buffer.CopyToAsync(http.Response.Body).ConfigureAwait(false);
            return Results.Empty;
        });
        _app.MapPost("/webhook", async (HttpContext http) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var doc = await JsonDocument.ParseAsync(http.Request.Body).ConfigureAwait(false);
            foreach (var alert in doc.RootElement.GetProperty("alerts").EnumerateArray())
            {
                if (alert.GetProperty("status").GetString() != "firing")
                {
                    continue;
                }

                var labels = alert.GetProperty("labels");
                var name = labels.TryGetProperty("alertname", out var a) ? a.GetString() ?? "" : "";
                var cluster = labels.TryGetProperty("cluster", out var c) ? c.GetString() ?? "" : "";
                Arrivals.TryAdd((name, cluster), now);
            }

            return Results.Ok();
        });
        _app.MapPost("/api/v2/alerts", async (HttpContext http) =>
        {
            // Alertmanager's v2 API body: an array of alerts; firing ones have endsAt after startsAt.
            var now = Stopwatch.GetTimestamp();
            using var doc = await JsonDocument.ParseAsync(http.Request.Body).ConfigureAwait(false);
            foreach (var alert in doc.RootElement.EnumerateArray())
            {
                var firing = alert.TryGetProperty("endsAt", out var ends) && ends.TryGetDateTimeOffset(out var end)
                    && alert.TryGetProperty("startsAt", out var starts) && starts.TryGetDateTimeOffset(out var start) && end > start;
                if (!firing)
                {
                    continue;
                }

                var labels = alert.GetProperty("labels");
                var name = labels.TryGetProperty("alertname", out var a) ? a.GetString() ?? "" : "";
                var cluster = labels.TryGetProperty("cluster", out var c) ? c.GetString() ?? "" : "";
                AtAlertmanager.TryAdd((name, cluster), now);
            }

            return Results.Ok();
        });
    }

    /// <summary>Clusters served (all of them once set).</summary>
    public int Clusters { get; set; }

    /// <summary>Whether the exposition is served (only during Prometheus' phase).</summary>
    public bool Serving { get; set; }

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
