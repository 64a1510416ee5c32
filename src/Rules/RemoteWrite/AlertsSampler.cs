using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Series;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>
/// Writes the <c>ALERTS</c> series every <see cref="RemoteWriteOptions.AlertsInterval"/>: one sample of 1 per pending or
/// firing alert, labelled as on /metrics (the alert's labels and <c>alertstate</c>), like Prometheus writes its own.
/// </summary>
public sealed class AlertsSampler(RemoteWriteTap tap, SeriesStore series, AlertBook book, TimeProvider time, RemoteWriteOptions options) : BackgroundService
{
    public const string Metric = "ALERTS";

    /// <summary>Writes one sample per active alert now; returns how many.</summary>
    public int SampleOnce()
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = tap.Begin();
        var count = 0;
        foreach (var cluster in series.Clusters)
        {
            lock (cluster.Gate)
            {
                foreach (var alert in book.Find(cluster.Name)?.All ?? [])
                {
                    if (alert.State != AlertState.Inactive)
                    {
                        batch.Add(cluster.Name, Metric, alert.Labels.With("alertstate", alert.State == AlertState.Firing ? "firing" : "pending"), 1, nowMs);
                        count++;
                    }
                }
            }
        }

        batch.Commit();
        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.AlertsInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                SampleOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
