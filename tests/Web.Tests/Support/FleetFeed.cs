using System.Net.Http.Headers;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;

namespace AzLocalMonitor.Web.Tests.Support;

/// <summary>
/// Posts the simulated fleet's reports to Rules: a back-filled history first, then a tick every second in the
/// background (bounded), so the dashboard's charts have shape at once and keep growing while a page is open.
/// </summary>
public sealed class FleetFeed : IAsyncDisposable
{
    public const int BackfillTicks = 12;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int MaxLiveTicks = 600;

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private Task _live = Task.CompletedTask;

    public FleetFeed(HttpClient client) => _client = client;

    /// <summary>Posts <see cref="BackfillTicks"/> ticks five seconds apart ending now, then starts the live ticks.</summary>
    public async Task StartAsync()
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (var tick = 0; tick < BackfillTicks; tick++)
        {
            await PostTickAsync(tick, now - ((BackfillTicks - 1 - tick) * 5000L), CancellationToken.None);
        }

        _live = Task.Run(() => LiveAsync(_stop.Token));
    }

    private async Task LiveAsync(CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(Interval);
        for (var tick = BackfillTicks; tick < BackfillTicks + MaxLiveTicks && await timer.WaitForNextTickAsync(cancel).ConfigureAwait(false); tick++)
        {
            await PostTickAsync(tick, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(), cancel).ConfigureAwait(false);
        }
    }

    private async Task PostTickAsync(int tick, long timeMs, CancellationToken cancel)
    {
        foreach (var request in SimulatedFleet.Tick(tick, timeMs))
        {
            await PostAsync(request, cancel).ConfigureAwait(false);
        }
    }

    private async Task PostAsync(ExportMetricsServiceRequest request, CancellationToken cancel)
    {
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        using var response = await _client.PostAsync(new Uri("/v1/metrics", UriKind.Relative), content, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _live;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
