using Quartz;

namespace AzLocalMonitor.Rules.Capacity.Jobs;

/// <summary>Quartz job: forecasts every cluster, publishes /metrics, API results and AzLocalCapacityForecast (Capacity:ForecastInterval).</summary>
[DisallowConcurrentExecution]
public sealed class CapacityForecastJob(CapacityService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.ForecastAsync(cancellationToken).ConfigureAwait(false);
}
