using AzLocalMonitor.Rules.Capacity.Forecasting;
using AzLocalMonitor.Rules.History;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// Forecasts every resource of a cluster from its history: daily rollups when there are enough of them, hourly
/// otherwise; demand series forecast (method chosen by backtest), capacity held at its latest value, and the
/// ratio's P10/P50/P90 and policy crossing dates derived from the demand's quantiles (ratios rise with demand).
/// </summary>
public sealed class CapacityForecaster
{
    private readonly IHistoryStore _store;
    private readonly CapacityOptions _options;
    private readonly IReadOnlyList<CapacityResource> _resources;

    public CapacityForecaster(IHistoryStore store, IOptions<CapacityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _resources = CapacityResources.Create(_options);
    }

    /// <summary>The resources forecast.</summary>
    public IReadOnlyList<CapacityResource> Resources => _resources;

    /// <summary>Forecasts one cluster. <paramref name="snapshot"/> is the live model, when there is one.</summary>
    public async Task<ClusterCapacity> ForecastAsync(string cluster, DateTimeOffset now, CapacitySnapshot? snapshot, CancellationToken cancellationToken = default)
    {
        var notes = new List<string>();
        var resolution = await ChooseResolutionAsync(cluster, cancellationToken).ConfigureAwait(false);
        var series = new Dictionary<string, RegularSeries>(StringComparer.Ordinal);
        foreach (var name in _resources.SelectMany(r => r.Demand.Concat(r.Capacity)).Distinct())
        {
            var statistic = _resources.FirstOrDefault(r => r.Demand.Contains(name))?.Statistic ?? RollupStatistic.Avg;
            var rollups = await _store.QueryAsync(cluster, name, resolution, 0, long.MaxValue, cancellationToken).ConfigureAwait(false);
            var lookbackStart = rollups.Count == 0 ? 0 : rollups[^1].StartMs - (long)_options.Lookback.TotalMilliseconds;
            if (RegularSeries.From(rollups.Where(r => r.StartMs >= lookbackStart).ToList(), statistic) is { } regular)
            {
                series[name] = regular;
            }
        }

        var forecasts = new List<ResourceForecast>();
        foreach (var resource in _resources)
        {
            var forecast = Forecast(resource, series, notes);
            if (forecast is not null)
            {
                forecasts.Add(forecast);
            }
        }

        return new ClusterCapacity(cluster, now, snapshot, forecasts, notes);
    }

    private async Task<Resolution> ChooseResolutionAsync(string cluster, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { HistorySeries.StorageUsedFootprint, HistorySeries.MemoryUsed, HistorySeries.CpuUtilization })
        {
            var daily = await _store.QueryAsync(cluster, name, Resolution.Day, 0, long.MaxValue, cancellationToken).ConfigureAwait(false);
            if (daily.Count >= _options.MinDailyPoints)
            {
                return Resolution.Day;
            }
        }

        return Resolution.Hour;
    }

    private ResourceForecast? Forecast(CapacityResource resource, Dictionary<string, RegularSeries> series, List<string> notes)
    {
        var demand = new List<(RegularSeries Series, ForecastResult Result, int Offset)>();
        foreach (var name in resource.Demand)
        {
            if (!series.TryGetValue(name, out var s) || s.Values.Length < _options.MinPoints)
            {
                if (resource.Demand.Count == 1 || name == resource.Demand[0])
                {
                    notes.Add($"{resource.Name}: not enough history of {name} ({(s?.Values.Length ?? 0)} points, {_options.MinPoints} needed).");
                    return null;
                }

                continue;
            }

            var horizon = (int)Math.Max(1, _options.Horizon.TotalMilliseconds / s.StepMs);
            var season = Seasonality.For(TimeSpan.FromMilliseconds(s.StepMs));
            var values = s.Usable(Math.Max(_options.MinPoints, (2 * season) + 4), out var offset, out var gapNote);
            if (gapNote is not null)
            {
                notes.Add($"{resource.Name}: {name} {gapNote}.");
            }

            demand.Add((s, Forecaster.Forecast(values, new ForecastOptions(horizon, season)), offset));
        }

        var capacity = resource.Capacity.ToDictionary(n => n, n => series.TryGetValue(n, out var s) ? s.Values[^1] : double.NaN, StringComparer.Ordinal);
        var lead = demand[0];
        double Ratio(Func<string, double> demandValue) => resource.Ratio(n => capacity.TryGetValue(n, out var c) ? c : demandValue(n));

        var history = new List<HistoryPoint>();
        for (var i = 0; i < lead.Series.Values.Length; i++)
        {
            var ts = lead.Series.StartMs + (i * lead.Series.StepMs);
            var ratio = resource.Ratio(n => series.TryGetValue(n, out var s) && !double.IsNaN(s.At(ts)) ? s.At(ts) : capacity.GetValueOrDefault(n, double.NaN));
            if (double.IsFinite(ratio))
            {
                history.Add(new HistoryPoint(DateTimeOffset.FromUnixTimeMilliseconds(ts), ratio));
            }
        }

        var points = new List<ForecastPoint>();
        for (var h = 0; h < lead.Result.P50.Length; h++)
        {
            double Quantile(Func<ForecastResult, double[]> pick, string name)
            {
                var d = demand.FirstOrDefault(x => x.Series == series.GetValueOrDefault(name));
                if (d.Result is null)
                {
                    return series.TryGetValue(name, out var s) ? s.Values[^1] : double.NaN;
                }

                var path = pick(d.Result);
                return Math.Max(0, path[Math.Min(h, path.Length - 1)]);
            }

            var ts = lead.Series.EndMs + ((h + 1) * lead.Series.StepMs);
            points.Add(new ForecastPoint(DateTimeOffset.FromUnixTimeMilliseconds(ts),
                Ratio(n => Quantile(r => r.P10, n)), Ratio(n => Quantile(r => r.P50, n)), Ratio(n => Quantile(r => r.P90, n))));
        }

        var current = history.Count > 0 ? history[^1].Value : double.NaN;
        var crossing = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (resource.IsRatio)
        {
            AddCrossing(crossing, "0.1", resource.Policy, current, history, points, p => p.P90);
            AddCrossing(crossing, "0.5", resource.Policy, current, history, points, p => p.P50);
            AddCrossing(crossing, "0.9", resource.Policy, current, history, points, p => p.P10);
        }

        var step = lead.Result.Step is { } change ? DateTimeOffset.FromUnixTimeMilliseconds(lead.Series.StartMs + ((lead.Offset + change.Index) * lead.Series.StepMs)) : (DateTimeOffset?)null;
        return new ResourceForecast(resource.Name, resource.IsRatio, resource.Policy, lead.Result.Method, lead.Result.Score, lead.Result.BaselineScore,
            step, current, history, points, crossing);
    }

    private static void AddCrossing(Dictionary<string, DateTimeOffset> crossing, string quantile, double policy, double current,
        List<HistoryPoint> history, List<ForecastPoint> points, Func<ForecastPoint, double> path)
    {
        if (current >= policy && history.Count > 0)
        {
            crossing[quantile] = history[^1].Timestamp;
            return;
        }

        foreach (var point in points)
        {
            if (path(point) >= policy)
            {
                crossing[quantile] = point.Timestamp;
                return;
            }
        }
    }
}
