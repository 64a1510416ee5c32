using AzLocalMonitor.Rules.History;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>Validates <c>History</c> and <c>Capacity</c> options at start-up and lists every bad key.</summary>
public sealed class CapacityOptionsValidator : IValidateOptions<HistoryOptions>, IValidateOptions<CapacityOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add("History:Path must name a SQLite file, e.g. data/history.db.");
        }

        Positive(errors, "History:RecordInterval", options.RecordInterval);
        Positive(errors, "History:RollupInterval", options.RollupInterval);
        Positive(errors, "History:Retention:Raw", options.Retention.Raw);
        if (options.Retention.Raw < TimeSpan.FromDays(1))
        {
            errors.Add("History:Retention:Raw must be at least 1.00:00:00 (the newest daily bucket is recomputed from raw points).");
        }

        if (options.Retention.Hour < HistoryRetention.EighteenMonths)
        {
            errors.Add($"History:Retention:Hour must keep at least 18 months (548.00:00:00), got {options.Retention.Hour}.");
        }

        if (options.Retention.Day < options.Retention.Hour || options.Retention.Hour < options.Retention.FiveMinutes)
        {
            errors.Add("History:Retention must not keep finer rollups longer than coarser ones (FiveMinutes ≤ Hour ≤ Day).");
        }

        if (!string.IsNullOrWhiteSpace(options.BackfillCsv) && !File.Exists(options.BackfillCsv))
        {
            errors.Add($"History:BackfillCsv '{options.BackfillCsv}' does not exist.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, CapacityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Positive(errors, "Capacity:Horizon", options.Horizon);
        Positive(errors, "Capacity:Lookback", options.Lookback);
        Positive(errors, "Capacity:ForecastInterval", options.ForecastInterval);

        if (options.MinPoints < 3)
        {
            errors.Add($"Capacity:MinPoints must be at least 3 (got {options.MinPoints}).");
        }

        if (options.MinDailyPoints < options.MinPoints)
        {
            errors.Add("Capacity:MinDailyPoints must not be below Capacity:MinPoints.");
        }

        foreach (var (key, value) in new[] { ("StoragePolicy", options.StoragePolicy), ("MemoryPolicy", options.MemoryPolicy), ("CpuPolicy", options.CpuPolicy) })
        {
            if (!(value > 0 && value <= 1))
            {
                errors.Add($"Capacity:{key} must be a ratio in (0, 1] (got {value}).");
            }
        }

        var source = options.HistorySource.ToLowerInvariant();
        if (source is not (HistoryStoreFactory.Local or HistoryStoreFactory.Remote or HistoryStoreFactory.Kusto))
        {
            errors.Add($"Capacity:HistorySource must be local, remote or kusto (got '{options.HistorySource}').");
        }

        if (source == HistoryStoreFactory.Remote && !Uri.TryCreate(options.HistoryQueryUrl, UriKind.Absolute, out _))
        {
            errors.Add($"Capacity:HistorySource=remote needs Capacity:HistoryQueryUrl, the store's Prometheus query API (e.g. http://127.0.0.1:8428/; got '{options.HistoryQueryUrl}').");
        }

        return Result(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration (got {value}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
