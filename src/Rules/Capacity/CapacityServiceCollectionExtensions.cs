using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Exposition;
using AzLocalMonitor.Rules.Capacity.Jobs;
using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.Kusto;
using Microsoft.Extensions.Options;
using Quartz;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>Registers history, capacity forecasting, their Quartz jobs, the /metrics contributor and the alert publisher.</summary>
public static class CapacityServiceCollectionExtensions
{
    /// <summary>Adds capacity planning (configuration sections <c>History</c> and <c>Capacity</c>).</summary>
    public static IServiceCollection AddCapacityPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HistoryOptions>().Bind(configuration.GetSection(HistoryOptions.Section)).ValidateOnStart();
        services.AddOptions<CapacityOptions>().Bind(configuration.GetSection(CapacityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HistoryOptions>, CapacityOptionsValidator>();
        services.AddSingleton<IValidateOptions<CapacityOptions>, CapacityOptionsValidator>();

        services.AddKustoHistory(configuration);
        services.AddHttpClient("history-query");
        services.AddSingleton<IHistoryStore>(HistoryStoreFactory.Create);
        services.AddSingleton<CapacityForecaster>();
        services.AddSingleton<CapacityBoard>();
        services.AddSingleton<CapacityAlerts>();
        services.AddSingleton<ICapacityOutlookSource>(sp => sp.GetRequiredService<CapacityAlerts>());
        services.AddSingleton<CapacityService>();
        services.AddSingleton<IMetricsContributor, CapacityMetrics>();
        services.AddLogging(b => b.AddFilter("Quartz", LogLevel.Warning)); // Quartz logs every job and trigger at Information

        var history = configuration.GetSection(HistoryOptions.Section).Get<HistoryOptions>() ?? new HistoryOptions();
        var capacity = configuration.GetSection(CapacityOptions.Section).Get<CapacityOptions>() ?? new CapacityOptions();
        services.AddQuartz(q =>
        {
            Every<HistoryRecordJob>(q, history.RecordInterval, history.RecordInterval);
            Every<HistoryRollupJob>(q, history.RollupInterval, history.RollupInterval);
            Every<CapacityForecastJob>(q, capacity.ForecastInterval, TimeSpan.FromMinutes(1));
            if (!string.IsNullOrWhiteSpace(history.BackfillCsv))
            {
                q.ScheduleJob<HistoryBackfillJob>(t => t.WithIdentity(nameof(HistoryBackfillJob)).StartNow());
            }
        });
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "QuartzHostedService"))
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
        }

        return services;
    }

    private static void Every<T>(IQuartzBuilder q, TimeSpan interval, TimeSpan firstAfter)
        where T : IJob =>
        q.ScheduleJob<T>(t => t
            .WithIdentity(typeof(T).Name)
            .StartAt(TimeProvider.System.GetUtcNow() + firstAfter) // Quartz runs on wall-clock time
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
}
