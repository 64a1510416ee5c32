using Quartz;

namespace AzLocalMonitor.Rules.Capacity.Jobs;

/// <summary>Quartz job: computes 5-minute, hourly and daily rollups and prunes by retention (History:RollupInterval).</summary>
[DisallowConcurrentExecution]
public sealed class HistoryRollupJob(CapacityService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.RollUpAsync(cancellationToken).ConfigureAwait(false);
}
