using Quartz;

namespace AzLocalMonitor.Rules.Capacity.Jobs;

/// <summary>Quartz job: records every cluster's latest capacity values into history (History:RecordInterval).</summary>
[DisallowConcurrentExecution]
public sealed class HistoryRecordJob(CapacityService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await service.RecordAsync(cancellationToken).ConfigureAwait(false);
}
