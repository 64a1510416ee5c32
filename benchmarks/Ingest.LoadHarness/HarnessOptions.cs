using System.Globalization;

namespace AzLocalMonitor.Ingest.LoadHarness;

/// <summary>Command-line options of the harness (see <see cref="Usage"/>).</summary>
public sealed class HarnessOptions
{
    public const string Usage = """
        Ingest.LoadHarness: simulated agents → a running Rules over OTLP/HTTP, the same samples → Prometheus and VictoriaMetrics.

          --rules URL            Rules base URL (required), e.g. http://127.0.0.1:9480
          --rules-pid PID        Rules' process id, for CPU and RSS from /proc (required)
          --token T              Bearer token with the ingest and viewer roles (none: Rules runs with --Auth:Mode none)
          --mode peers|fleet     peers: Rules (protobuf, JSON) vs Prometheus vs VictoriaMetrics (default);
                                 fleet: Rules alone at the interval with injected faults, alert latency via Alertmanager
          --mode chart --input F --output F.svg   Chart the "cost-row:" lines of fleet runs (docs/benchmarks.md)
          --clusters N --nodes N --volumes N   Fleet shape (default 1000 × 3 × 4)
          --concurrency N        Keep-alive connections to Rules (default 8)
          --seconds S            Measured seconds per row (default 30); --warmup S before it (default 5)
          --paced                Rules rows at the 10 s interval instead of back to back
          --no-json              Skip the OTLP/JSON row; --rules-only: skip the peers (quick A/B of Rules settings)
          --prometheus PATH --victoria-metrics PATH   Peer binaries (default /usr/bin/prometheus, /usr/bin/victoria-metrics)
          --prometheus-rules FILE  The policy as Prometheus rules (the reference for the alerts check)
          --port N               The harness's own loopback port (exposition and webhook); --peer-port N Prometheus port, --vm-port N VictoriaMetrics port
          --work DIR             Scratch directory for the peers' data and logs
          --fault-every N        Cluster c lost quorum when c mod N = 1, node-1 drains when c mod N = 2 (default 50)
          --probe-faults N       fleet mode: clusters faulted during the run, one latency each (default 120)
          --rounds N             fleet mode: rounds measured (default 12)
        """;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--paced" or "--no-json" or "--rules-only" or "--help" or "-h")
            {
                options._flags.Add(name);
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options._values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown argument '{name}' (see --help)");
            }
        }

        return options;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name) ?? fallback;

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : throw new ArgumentException($"{name} needs a whole number ≥ 0, not '{text}'")
            : fallback;
}
