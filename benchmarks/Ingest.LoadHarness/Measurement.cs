using System.Diagnostics;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>What one row measured: samples ingested and CPU used by the target over the same window, and its RSS.</summary>
public sealed record Measurement(string Name, double Samples, double CpuSeconds, double WallSeconds, long RssBytes, long PeakRssBytes, long Series)
{
    public double PerCpuSecond => CpuSeconds > 0 ? Samples / CpuSeconds : 0;

    public double RssPerSeries => Series > 0 ? RssBytes / (double)Series : 0;

    /// <summary>
    /// Runs <paramref name="load"/> until the window ends: <paramref name="warmup"/> first (series created, JIT
    /// warm), then <paramref name="window"/> during which CPU and the sample counter are read at both ends.
    /// </summary>
    public static async Task<Measurement> RunAsync(string name, ProcessMeter meter, Func<CancellationToken, Task> load, Func<Task<double>> samples,
        TimeSpan warmup, TimeSpan window, Func<Task<long>> series)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(series);
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => load(stop.Token));
        await Task.Delay(warmup).ConfigureAwait(false);
        var samples0 = await samples().ConfigureAwait(false);
        var cpu0 = meter.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window).ConfigureAwait(false);
        var samples1 = await samples().ConfigureAwait(false);
        var cpu1 = meter.CpuSeconds();
        var wall = clock.Elapsed.TotalSeconds;
        var rss = meter.RssBytes();
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (running.IsFaulted)
        {
            throw running.Exception!;
        }

        return new Measurement(name, samples1 - samples0, cpu1 - cpu0, wall, rss, meter.PeakRssBytes(), await series().ConfigureAwait(false));
    }
}
