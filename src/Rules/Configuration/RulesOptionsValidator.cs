using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Rules.Ingest;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Series;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Configuration;

/// <summary>Validates every Rules option at start-up and lists every bad key, not only the first.</summary>
public sealed class RulesOptionsValidator :
    IValidateOptions<AlertmanagerOptions>,
    IValidateOptions<AlertingOptions>,
    IValidateOptions<SeriesOptions>,
    IValidateOptions<IngestOptions>,
    IValidateOptions<OtelOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertmanagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Url) && !IsHttpUrl(options.Url))
        {
            errors.Add($"Alertmanager:Url '{options.Url}' is not an absolute http(s) URL, e.g. http://127.0.0.1:9093.");
        }

        for (var i = 0; i < options.Urls.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(options.Urls[i]) && !IsHttpUrl(options.Urls[i]))
            {
                errors.Add($"Alertmanager:Urls:{i} '{options.Urls[i]}' is not an absolute http(s) URL, e.g. http://127.0.0.1:9093.");
            }
        }

        Positive(errors, "Alertmanager:Timeout", options.Timeout);
        Range(errors, "Alertmanager:QueueCapacity", options.QueueCapacity, 1, 10_000_000);
        Range(errors, "Alertmanager:BatchSize", options.BatchSize, 1, 10_000);
        Range(errors, "Alertmanager:MaxRetries", options.MaxRetries, 0, 100);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Positive(errors, "Alerting:TickInterval", options.TickInterval);
        Positive(errors, "Alerting:NodeSilenceAfter", options.NodeSilenceAfter);
        Positive(errors, "Alerting:ResendDelay", options.ResendDelay);
        Positive(errors, "Alerting:ResolvedRetention", options.ResolvedRetention);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SeriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Positive(errors, "Series:StaleAfter", options.StaleAfter);
        Positive(errors, "Series:ForgetAfter", options.ForgetAfter);
        if (options.ForgetAfter < options.StaleAfter)
        {
            errors.Add("Series:ForgetAfter must not be shorter than Series:StaleAfter.");
        }

        Range(errors, "Series:HistoryLength", options.HistoryLength, 0, 4096);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Range(errors, "Ingest:MaxRequestBytes", options.MaxRequestBytes, 1024, 1L << 30);
        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            errors.Add($"Ingest:MaxFutureSkew must not be negative (got {options.MaxFutureSkew}).");
        }

        Positive(errors, "Ingest:ReplayAfter", options.ReplayAfter);
        if (options.MaxPointAge is { } age)
        {
            Positive(errors, "Ingest:MaxPointAge", age);
        }

        Range(errors, "Ingest:MaxAttributesPerPoint", options.MaxAttributesPerPoint, 1, 10_000);
        Range(errors, "Ingest:MaxNameLength", options.MaxNameLength, 16, 65_536);
        Range(errors, "Ingest:MaxLabelValueLength", options.MaxLabelValueLength, 16, 1 << 20);
        Range(errors, "Ingest:MaxClusterNameLength", options.MaxClusterNameLength, 8, 4096);
        Range(errors, "Ingest:MaxSeriesPerCluster", options.MaxSeriesPerCluster, 1, 100_000_000);
        Range(errors, "Ingest:MaxSeries", options.MaxSeries, 1, 100_000_000);
        Range(errors, "Ingest:MaxClusters", options.MaxClusters, 1, 1_000_000);
        Range(errors, "Ingest:RawSeriesCacheEntries", options.RawSeriesCacheEntries, 0, 100_000_000);
        return Result(errors);
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public ValidateOptionsResult Validate(string? name, OtelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint) &&
            (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"Otel:Endpoint '{options.Endpoint}' is not an absolute http(s) URL, e.g. http://127.0.0.1:4318.");
        }

        if (!string.IsNullOrWhiteSpace(options.Headers) && options.Headers.Split(',').Any(h => !h.Contains('=', StringComparison.Ordinal)))
        {
            errors.Add("Otel:Headers must be key=value pairs separated by commas.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            errors.Add("Otel:ServiceName must not be empty.");
        }

        Positive(errors, "Otel:MetricInterval", options.MetricInterval);
        return Result(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration such as 00:00:30 (got {value}).");
        }
    }

    private static void Range(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max} (got {value}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
