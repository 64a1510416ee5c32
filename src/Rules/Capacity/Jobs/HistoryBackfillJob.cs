using AzLocalMonitor.Rules.History;
using Microsoft.Extensions.Options;
using Quartz;

namespace AzLocalMonitor.Rules.Capacity.Jobs;

/// <summary>Quartz job, once at start when History:BackfillCsv is set: loads the CSV into history, then forecasts.</summary>
[DisallowConcurrentExecution]
public sealed partial class HistoryBackfillJob(IHistoryStore store, CapacityService service, IOptions<HistoryOptions> options, ILogger<HistoryBackfillJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var path = options.Value.BackfillCsv;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        try
        {
            var loaded = await HistoryCsv.BackfillAsync(store, path, cancellationToken).ConfigureAwait(false);
            LogLoaded(logger, loaded, path);
            await service.ForecastAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            LogFailed(logger, ex, path);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History backfill: {Count} points loaded from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "History backfill from {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string path);
}
