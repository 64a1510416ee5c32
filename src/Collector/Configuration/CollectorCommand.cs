using System.CommandLine;
using System.CommandLine.Help;

namespace AzLocalMonitor.Collector.Configuration;

/// <summary>
/// The command line. Options carry no parser defaults, so that an option left out falls through to the
/// environment and appsettings.json; the defaults are stated in each description instead.
/// </summary>
internal sealed class CollectorCommand
{
    public CollectorCommand()
    {
        Root = new RootCommand(
            "AzLocalMonitor collector: reads an Azure Local cluster (or a simulated one, or this Linux host) and exports "
            + "the metric catalog over OTLP/HTTP protobuf to Rules. Node failures and quorum changes are exported at once.")
        {
            Source, Rules, TokenFile, CaFile, ServerThumbprint, Cluster, Node, Interval, Scenario, Capture, TimeScale, Once, Spool, StatusFile, Peer, RetryMaxDelay,
        };

        // The root's own action is a marker: CollectorApp runs the collector itself when it is chosen. It exists so
        // that the root stays invocable without a subcommand now that it has one ('simulate').
        Root.SetAction(_ => ExitCodes.Success);
        Root.Subcommands.Add(Simulate.SimulateCommand.Create());

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
    }

    public RootCommand Root { get; }

    public Option<string?> Source { get; } = new("--source", "-s")
    {
        Description = "Where readings come from: simulated (a scripted cluster), linux (this host's /proc), windows (an Azure Local node; needs Windows) "
            + "or windows-capture (a node's capture folder replayed through the windows mapping, any OS). Required.",
        HelpName = "simulated|linux|windows|windows-capture",
    };

    public Option<string[]> Rules { get; } = new("--rules")
    {
        Description = "Base URL of Rules; metrics are posted to {base}/v1/metrics. Repeat it for an HA pair: every Rules gets every batch, "
            + "each through its own spool cursor. Default: $OTEL_EXPORTER_OTLP_ENDPOINT, else " + CollectorOptions.DefaultRulesUrl + ".",
        HelpName = "url",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> TokenFile { get; } = new("--token-file")
    {
        Description = "File holding the bearer token Rules gave this agent (an ingest token), sent as Authorization: Bearer on every export. "
            + "Or set Collector__Token in the environment. Never on the command line, never logged.",
        HelpName = "path",
    };

    public Option<string?> CaFile { get; } = new("--ca-file")
    {
        Description = "PEM file of the CA(s) Rules' HTTPS certificate must chain to, instead of the system's trust store.",
        HelpName = "path",
    };

    public Option<string?> ServerThumbprint { get; } = new("--server-thumbprint")
    {
        Description = "SHA-256 thumbprint (hex) of Rules' HTTPS certificate: accept that certificate only (pinning).",
        HelpName = "hex",
    };

    public Option<string?> Cluster { get; } = new("--cluster", "-c")
    {
        Description = "Cluster name (resource attribute azlocal.cluster). Default: the scenario's 'cluster', else 'simulated'; for linux, the host name.",
        HelpName = "name",
    };

    public Option<string?> Node { get; } = new("--node", "-n")
    {
        Description = "Reporting node (resource attribute host.name). Default: this machine's name.",
        HelpName = "name",
    };

    public Option<string?> Interval { get; } = new("--interval", "-i")
    {
        Description = "Export interval, 100ms..1h (e.g. 10s, 1m, 500ms). Default: 10s. State changes are exported at once anyway.",
        HelpName = "duration",
    };

    public Option<string?> Scenario { get; } = new("--scenario")
    {
        Description = "Scenario YAML for --source simulated (see scenarios/*.yaml beside the program). Default: a steady 3-node cluster.",
        HelpName = "file",
    };

    public Option<string?> Capture { get; } = new("--capture")
    {
        Description = "Capture folder for --source windows-capture (written on a node by deploy/windows/Save-AzLocalCapture.ps1). "
            + "Node and cluster default to the capture's meta.json.",
        HelpName = "dir",
    };

    public Option<string?> TimeScale { get; } = new("--time-scale")
    {
        Description = "Simulated: scenario seconds per real second (10 plays a 60 s scenario in 6 s). Default: the scenario's 'time-scale', else 1.",
        HelpName = "factor",
    };

    public Option<bool> Once { get; } = new("--once")
    {
        Description = "Export one reading and exit: 0 if it was delivered, 1 if not.",
    };

    public Option<string?> Spool { get; } = new("--spool")
    {
        Description = "Directory of the durable export queue: batches wait here while a destination is down and are sent in order when it returns. "
            + "Default: a per-user folder keyed by node and destinations (the service scripts use /var/lib/azlocal-collector or %ProgramData%).",
        HelpName = "dir",
    };

    public Option<string?> StatusFile { get; } = new("--status-file")
    {
        Description = "JSON file with the agent's health (last successful export, spool depth, drops). Default: status.json in the spool.",
        HelpName = "file",
    };

    public Option<string[]> Peer { get; } = new("--peer")
    {
        Description = "Linux: measure the round trip to a peer, network=host (ICMP) or network=host:port (TCP connect time); network is "
            + "management, storage, cluster or workload. Repeatable.",
        HelpName = "network=host[:port]",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> RetryMaxDelay { get; } = new("--retry-max-delay")
    {
        Description = "Longest wait between retries of an unreachable destination (backoff doubles from 500ms, with jitter), 100ms..10m. Default: 30s.",
        HelpName = "duration",
    };

    /// <summary>The options the user gave, as configuration keys (to layer over appsettings.json and the environment).</summary>
    public Dictionary<string, string?> ToConfiguration(ParseResult result)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        void Put(string key, Option<string?> option)
        {
            if (result.GetValue(option) is { } value)
            {
                values[key] = value;
            }
        }

        Put(ConfigurationKeys.Source, Source);
        if (result.GetValue(Rules) is { Length: > 0 } rules)
        {
            values[ConfigurationKeys.Rules] = string.Join(',', rules); // one scalar: it wins over a list in appsettings.json
        }

        Put(ConfigurationKeys.Cluster, Cluster);
        Put(ConfigurationKeys.Node, Node);
        Put(ConfigurationKeys.Interval, Interval);
        Put(ConfigurationKeys.Scenario, Scenario);
        Put(ConfigurationKeys.Capture, Capture);
        Put(ConfigurationKeys.TimeScale, TimeScale);
        Put(ConfigurationKeys.Spool, Spool);
        Put(ConfigurationKeys.StatusFile, StatusFile);
        Put(ConfigurationKeys.RetryMaxDelay, RetryMaxDelay);
        Put(ConfigurationKeys.TokenFile, TokenFile);
        Put(ConfigurationKeys.CaFile, CaFile);
        Put(ConfigurationKeys.ServerThumbprint, ServerThumbprint);
        var peers = result.GetValue(Peer) ?? [];
        for (var i = 0; i < peers.Length; i++)
        {
            values[$"{ConfigurationKeys.Peers}:{i}"] = peers[i];
        }

        if (result.GetValue(Once))
        {
            values[ConfigurationKeys.Once] = "true";
        }

        return values;
    }
}
