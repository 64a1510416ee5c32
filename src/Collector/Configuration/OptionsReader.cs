using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Collector.Sources.Linux;
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
            "WINDOWS-CAPTURE" => SourceKind.WindowsCapture,
            _ => null,
        };
        if (source is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(sourceText)
                ? "No source chosen: pass --source simulated, linux or windows."
                : $"Unknown source '{sourceText}': expected simulated, linux, windows or windows-capture.");
        }

        var rules = ReadRulesUrls(config, problems);

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

        var capture = NullIfBlank(config[ConfigurationKeys.Capture]);
        if (source is SourceKind.WindowsCapture && capture is null)
        {
            problems.Add("--source windows-capture needs --capture DIR (a folder written by Save-AzLocalCapture.ps1).");
        }
        else if (capture is not null && source is not SourceKind.WindowsCapture and not null)
        {
            problems.Add($"--capture only applies to the windows-capture source, not {sourceText}.");
        }

        var node = NullIfBlank(config[ConfigurationKeys.Node]) ?? Environment.MachineName;
        var destinations = rules is null ? [] : ReadDestinations(config, rules, problems);
        var limits = new SpoolLimits(
            ReadPositive(config, ConfigurationKeys.SpoolMaxBatches, SpoolLimits.Default.MaxBatches, problems),
            ReadPositive(config, ConfigurationKeys.SpoolMaxBytes, SpoolLimits.Default.MaxBytes, problems));
        var peers = ReadPeers(config, problems);
        var retryMaxDelay = RetryOptions.Default.MaxDelay;
        var retryText = config[ConfigurationKeys.RetryMaxDelay];
        if (retryText is not null
            && (!DurationParser.TryParse(retryText, out retryMaxDelay) || retryMaxDelay < TimeSpan.FromMilliseconds(100) || retryMaxDelay > TimeSpan.FromMinutes(10)))
        {
            problems.Add($"Retry max delay '{retryText}' is not a duration from 100ms to 10m (examples: 30s, 2m).");
        }

        var caFile = NullIfBlank(config[ConfigurationKeys.CaFile]);
        if (caFile is not null && !File.Exists(caFile))
        {
            problems.Add($"CA file '{caFile}' does not exist.");
        }

        var thumbprint = NullIfBlank(config[ConfigurationKeys.ServerThumbprint])?.Replace(":", string.Empty, StringComparison.Ordinal);
        if (thumbprint is not null && (thumbprint.Length != 64 || !thumbprint.All(char.IsAsciiHexDigit)))
        {
            problems.Add($"Server thumbprint '{thumbprint}' is not a SHA-256 thumbprint (64 hex digits).");
        }

        if (problems.Count > 0)
        {
            throw new OptionsException(problems);
        }

        return new CollectorOptions
        {
            CaFile = caFile,
            ServerThumbprint = thumbprint,
            Destinations = destinations,
            SpoolPath = NullIfBlank(config[ConfigurationKeys.Spool]) ?? DefaultSpoolPath(node, destinations),
            SpoolLimits = limits,
            StatusFile = NullIfBlank(config[ConfigurationKeys.StatusFile]),
            Peers = peers,
            RetryMaxDelay = retryMaxDelay,
            Source = source!.Value,
            RulesBaseUrl = rules![0],
            RulesBaseUrls = rules,
            Cluster = NullIfBlank(config[ConfigurationKeys.Cluster]),
            Node = node,
            NodeGiven = NullIfBlank(config[ConfigurationKeys.Node]) is not null,
            Interval = interval,
            ScenarioPath = scenario,
            CapturePath = capture,
            TimeScale = timeScale,
            Once = once,
        };
    }

    // --rules / Collector:Rules wins over OTEL_EXPORTER_OTLP_ENDPOINT; all are base URLs (OTLP/HTTP appends /v1/metrics).
    // Collector:Rules is one URL, a comma-separated list (what a repeated --rules becomes), or a list section
    // (Collector:Rules:0, :1, ... — a JSON array in appsettings.json); the replicas of an HA pair each get every batch.
    private static List<Uri>? ReadRulesUrls(IConfiguration config, List<string> problems)
    {
        var section = config.GetSection(ConfigurationKeys.Rules);
        var texts = NullIfBlank(section.Value) is { } scalar
            ? scalar.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [.. section.GetChildren().Select(c => NullIfBlank(c.Value)).OfType<string>()];
        var from = "--rules";
        if (texts.Length == 0)
        {
            var otlp = NullIfBlank(config[ConfigurationKeys.OtlpEndpoint]);
            texts = [otlp ?? CollectorOptions.DefaultRulesUrl];
            from = otlp is null ? "default" : ConfigurationKeys.OtlpEndpoint;
        }

        var urls = new List<Uri>();
        foreach (var text in texts)
        {
            if (ReadRulesUrl(text, from, problems) is not { } uri)
            {
                continue;
            }

            if (urls.Contains(uri))
            {
                problems.Add($"{from} '{text}' is given twice: each Rules replica once.");
                continue;
            }

            urls.Add(uri);
        }

        return urls.Count == texts.Length ? urls : null;
    }

    private static Uri? ReadRulesUrl(string text, string from, List<string> problems)
    {
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

    // Rules always; the standard OTEL_EXPORTER_OTLP_(METRICS_)ENDPOINT is a second destination (Grafana Alloy, Grafana
    // Cloud) when --rules names Rules, and is Rules itself otherwise (ReadRulesUrl).
    private static List<OtlpDestination> ReadDestinations(IConfiguration config, List<Uri> rules, List<string> problems)
    {
        var rulesEndpoints = rules.ConvertAll(r => new Uri(r.AbsoluteUri.TrimEnd('/') + "/v1/metrics"));
        var headers = ParseHeaders(NullIfBlank(config[ConfigurationKeys.OtlpMetricsHeaders]) ?? NullIfBlank(config[ConfigurationKeys.OtlpHeaders]), problems);
        var rulesSection = config.GetSection(ConfigurationKeys.Rules);
        var rulesGiven = NullIfBlank(rulesSection.Value) is not null || rulesSection.GetChildren().Any(c => NullIfBlank(c.Value) is not null);
        var rulesHeaders = rulesGiven ? [] : new List<KeyValuePair<string, string>>(headers);
        if (ReadToken(config, problems) is { } token)
        {
            rulesHeaders.RemoveAll(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
            rulesHeaders.Add(new("Authorization", "Bearer " + token));
        }

        // One destination per Rules replica, each with its own spool cursor. One Rules keeps the name "rules" (and so
        // its cursor file across upgrades); several are named by address, so reordering the list moves no cursor.
        var destinations = rulesEndpoints.ConvertAll(e => new OtlpDestination(rulesEndpoints.Count == 1 ? "rules" : RulesDestinationName(e), e, rulesHeaders));

        Uri? extra = null;
        if (NullIfBlank(config[ConfigurationKeys.OtlpMetricsEndpoint]) is { } metricsUrl)
        {
            if (!Uri.TryCreate(metricsUrl, UriKind.Absolute, out extra) || (extra.Scheme != Uri.UriSchemeHttp && extra.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{ConfigurationKeys.OtlpMetricsEndpoint} '{metricsUrl}' is not an http:// or https:// URL.");
                return destinations;
            }
        }
        else if (rulesGiven && NullIfBlank(config[ConfigurationKeys.OtlpEndpoint]) is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{ConfigurationKeys.OtlpEndpoint} '{baseUrl}' is not an http:// or https:// URL.");
                return destinations;
            }

            extra = new Uri(parsed.AbsoluteUri.TrimEnd('/') + "/v1/metrics");
        }

        if (extra is not null && !rulesEndpoints.Contains(extra))
        {
            destinations.Add(new OtlpDestination("otlp", extra, headers));
        }

        return destinations;
    }

    /// <summary>A destination name safe as a file name: <c>rules-127.0.0.1-9480</c> (plus the path, if any).</summary>
    internal static string RulesDestinationName(Uri endpoint)
    {
        var path = endpoint.AbsolutePath[..^"/v1/metrics".Length].Trim('/');
        var name = "rules-" + endpoint.Host + "-" + endpoint.Port.ToString(CultureInfo.InvariantCulture) + (path.Length > 0 ? "-" + path : string.Empty);
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
    }

    /// <summary>The agent's bearer token for Rules: <c>Collector:TokenFile</c> (first line), else <c>Collector:Token</c>; null when neither is set.</summary>
    private static string? ReadToken(IConfiguration config, List<string> problems)
    {
        if (NullIfBlank(config[ConfigurationKeys.TokenFile]) is { } path)
        {
            try
            {
                var token = File.ReadLines(path).FirstOrDefault()?.Trim();
                if (string.IsNullOrEmpty(token))
                {
                    problems.Add($"Token file '{path}' is empty.");
                }

                return token;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"Token file '{path}' cannot be read: {ex.Message}");
                return null;
            }
        }

        return NullIfBlank(config[ConfigurationKeys.Token]);
    }

    /// <summary>OTEL_EXPORTER_OTLP_HEADERS: comma-separated key=value pairs, values URL-encoded (the OpenTelemetry spec).</summary>
    internal static List<KeyValuePair<string, string>> ParseHeaders(string? text, List<string> problems)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var pair in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"OTLP header '{pair}' is not key=value.");
                continue;
            }

            headers.Add(new(pair[..equals].Trim(), Uri.UnescapeDataString(pair[(equals + 1)..].Trim())));
        }

        return headers;
    }

    private static List<PeerTarget> ReadPeers(IConfiguration config, List<string> problems)
    {
        var section = config.GetSection(ConfigurationKeys.Peers);
        var texts = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var peers = new List<PeerTarget>();
        foreach (var text in texts)
        {
            if (PeerTarget.TryParse(text, out var peer, out var error))
            {
                peers.Add(peer!);
            }
            else
            {
                problems.Add(error!);
            }
        }

        return peers;
    }

    private static int ReadPositive(IConfiguration config, string key, int fallback, List<string> problems) =>
        (int)Math.Min(int.MaxValue, ReadPositive(config, key, (long)fallback, problems));

    private static long ReadPositive(IConfiguration config, string key, long fallback, List<string> problems)
    {
        if (config[key] is not { } text)
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        problems.Add($"{key} '{text}' is not a positive whole number.");
        return fallback;
    }

    // Per user, per node and per set of destinations: a collector restarted with the same settings finds its backlog;
    // one pointed elsewhere (a test's Rules on another port) does not replay batches meant for somebody else.
    private static string DefaultSpoolPath(string node, IEnumerable<OtlpDestination> destinations)
    {
        var key = node + "|" + string.Join("|", destinations.Select(d => d.Endpoint.AbsoluteUri));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "AzLocalMonitor", "collector", "spool-" + hash);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
