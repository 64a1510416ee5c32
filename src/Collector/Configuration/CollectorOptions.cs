using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Export.Spool;
using AzLocalMonitor.Collector.Sources.Linux;

namespace AzLocalMonitor.Collector.Configuration;

/// <summary>The collector's validated settings, merged from appsettings.json, the environment and the command line.</summary>
internal sealed record CollectorOptions
{
    public const string DefaultRulesUrl = "http://127.0.0.1:9480";
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    public required SourceKind Source { get; init; }

    /// <summary>Base URL of Rules (or any OTLP/HTTP receiver); metrics are posted to <see cref="MetricsEndpoint"/>. The first of <see cref="RulesBaseUrls"/>.</summary>
    public required Uri RulesBaseUrl { get; init; }

    /// <summary>Every Rules replica (<c>--rules</c> repeated): each gets every batch, through its own spool cursor.</summary>
    public IReadOnlyList<Uri> RulesBaseUrls { get; init; } = [];

    /// <summary>Where metrics are posted: the base URL plus <c>/v1/metrics</c>, as OTLP/HTTP defines it.</summary>
    public Uri MetricsEndpoint => new(RulesBaseUrl.AbsoluteUri.TrimEnd('/') + "/v1/metrics");

    /// <summary>Resource attribute <c>azlocal.cluster</c>; null means the source's default (the scenario's, or the host name).</summary>
    public string? Cluster { get; init; }

    /// <summary>Resource attribute <c>host.name</c>: the reporting node.</summary>
    public required string Node { get; init; }

    /// <summary>Whether --node (or Collector:Node) was given, rather than defaulting to this machine's name.</summary>
    public bool NodeGiven { get; init; }

    /// <summary>Periodic export interval; state changes are exported at once regardless.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Scenario file of the simulated source; null runs a steady cluster.</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>Capture folder of --source windows-capture.</summary>
    public string? CapturePath { get; init; }

    /// <summary>Scenario seconds per real second; null means the scenario's own, else 1.</summary>
    public double? TimeScale { get; init; }

    /// <summary>Export one reading and exit (for smoke tests and cron).</summary>
    public bool Once { get; init; }

    /// <summary>Every OTLP destination: each Rules first, then the standard OTEL_EXPORTER_OTLP_* one when it is another.</summary>
    public IReadOnlyList<OtlpDestination> Destinations { get; init; } = [];

    /// <summary>The durable spool directory (one file per batch).</summary>
    public required string SpoolPath { get; init; }

    public SpoolLimits SpoolLimits { get; init; } = SpoolLimits.Default;

    /// <summary>Longest backoff between retries of an unreachable destination, and the longest pause between retry rounds.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = RetryOptions.Default.MaxDelay;

    /// <summary>The status JSON file; null means status.json in the spool directory.</summary>
    public string? StatusFile { get; init; }

    /// <summary>PEM CA file Rules' HTTPS certificate must chain to; null: the system's trust store.</summary>
    public string? CaFile { get; init; }

    /// <summary>SHA-256 thumbprint of the only HTTPS certificate accepted from Rules; null: no pinning.</summary>
    public string? ServerThumbprint { get; init; }

    /// <summary>Peers whose round trip the linux source measures (azlocal.network.latency).</summary>
    public IReadOnlyList<PeerTarget> Peers { get; init; } = [];
}
