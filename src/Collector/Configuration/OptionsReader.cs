using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AzLocalMonitor.Collector.Configuration;

/// <summary>Reads and validates <see cref="CollectorOptions"/> from configuration, reporting every bad key at once.</summary>
internal static class OptionsReader
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);

    /// <exception cref="OptionsException">One or more settings are missing or invalid.</exception>
    public static CollectorOptions Read(IConfiguration config)
    {
        var problems = new List<string>();

        var sourceText = config[ConfigurationKeys.Source];
        SourceKind? source = sourceText?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "SIMULATED" => SourceKind.Simulated,
            "LINUX" => SourceKind.Linux,
            "WINDOWS" => SourceKind.Windows,
            _ => null,
        };
        if (source is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(sourceText)
                ? "No source chosen: pass --source simulated, linux or windows."
                : $"Unknown source '{sourceText}': expected simulated, linux or windows.");
        }

        var rules = ReadRulesUrl(config, problems);

        var interval = CollectorOptions.DefaultInterval;
        var intervalText = config[ConfigurationKeys.Interval];
        if (intervalText is not null
            && (!DurationParser.TryParse(intervalText, out interval) || interval < TimeSpan.FromMilliseconds(100) || interval > MaxInterval))
        {
            problems.Add($"Interval '{intervalText}' is not a duration from 100ms to 1h (examples: 10s, 1m, 500ms).");
        }

        double? timeScale = null;
        var scaleText = config[ConfigurationKeys.TimeScale];
        if (scaleText is not null)
        {
            if (double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0 && double.IsFinite(scale))
            {
                timeScale = scale;
            }
            else
            {
                problems.Add($"Time scale '{scaleText}' is not a positive number (10 runs scenario time ten times faster).");
            }
        }

        var onceText = config[ConfigurationKeys.Once];
        var once = false;
        if (onceText is not null && !bool.TryParse(onceText, out once))
        {
            problems.Add($"Once '{onceText}' is not true or false.");
        }

        var scenario = NullIfBlank(config[ConfigurationKeys.Scenario]);
        if (scenario is not null && source is not SourceKind.Simulated and not null)
        {
            problems.Add($"--scenario only applies to the simulated source, not {sourceText}.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsException(problems);
        }

        return new CollectorOptions
        {
            Source = source!.Value,
            RulesBaseUrl = rules!,
            Cluster = NullIfBlank(config[ConfigurationKeys.Cluster]),
            Node = NullIfBlank(config[ConfigurationKeys.Node]) ?? Environment.MachineName,
            Interval = interval,
            ScenarioPath = scenario,
            TimeScale = timeScale,
            Once = once,
        };
    }

    // --rules / Collector:Rules wins over OTEL_EXPORTER_OTLP_ENDPOINT; both are base URLs (OTLP/HTTP appends /v1/metrics).
    private static Uri? ReadRulesUrl(IConfiguration config, List<string> problems)
    {
        var (text, from) = NullIfBlank(config[ConfigurationKeys.Rules]) is { } rules
            ? (rules, "--rules")
            : NullIfBlank(config[ConfigurationKeys.OtlpEndpoint]) is { } otlp
                ? (otlp, ConfigurationKeys.OtlpEndpoint)
                : (CollectorOptions.DefaultRulesUrl, "default");

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{from} '{text}' is not an http:// or https:// URL (example: {CollectorOptions.DefaultRulesUrl}).");
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Add($"{from} '{text}' must be a base URL without query or fragment.");
            return null;
        }

        if (uri.AbsolutePath.TrimEnd('/').EndsWith("/v1/metrics", StringComparison.Ordinal))
        {
            problems.Add($"{from} '{text}' must be the base URL: /v1/metrics is appended (use {uri.GetLeftPart(UriPartial.Authority)}).");
            return null;
        }

        return uri;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
