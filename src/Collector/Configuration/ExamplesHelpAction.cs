using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace AzLocalMonitor.Collector.Configuration;

/// <summary>The standard help, followed by examples, configuration sources and exit codes.</summary>
internal sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    private const string Epilogue = """
        Examples:
          # a simulated 3-node cluster that loses quorum a few seconds in, exported to a local Rules
          dotnet run --project src/Collector -- --source simulated --scenario scenarios/quorum-loss.yaml
          # play the node-down scenario ten times faster, export every 5 s
          dotnet run --project src/Collector -- -s simulated --scenario scenarios/node-down.yaml --time-scale 10 -i 5s
          # this host's CPU and memory, to another receiver
          OTEL_EXPORTER_OTLP_ENDPOINT=http://alloy.example.net:4318 dotnet run --project src/Collector -- --source linux --cluster lab
          # Rules plus Grafana Alloy as a second destination; storage-network round trip by TCP connect
          OTEL_EXPORTER_OTLP_ENDPOINT=http://alloy:4318 dotnet run --project src/Collector -- -s linux --rules http://rules:9480 --peer storage=10.0.1.12:445
          # replay a node's capture folder (deploy/windows/Save-AzLocalCapture.ps1) through the Windows mapping, once
          dotnet run --project src/Collector -- --source windows-capture --capture ./azlocal-capture-node1-20261202104000 --once

        Delivery: every batch is first written to the spool (--spool); each destination gets every batch, in order,
        retried with backoff while it is down. Health: --status-file and the azlm_agent_* self-metrics.

        Configuration (later wins): appsettings.json beside the program (section "Collector"), environment
        variables (Collector__Interval=5s, Collector__Rules=..., Collector__Peers__0=storage=10.0.1.12,
        Collector__SpoolMaxBatches, Collector__SpoolMaxBytes, OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS), then the options above.
        Logging levels: the "Logging" section (Logging__LogLevel__Default=Debug).

        Exit codes: 0 stopped cleanly (Ctrl-C) or --once delivered; 1 runtime failure or --once not delivered;
        2 bad options or scenario file; 3 the source cannot run on this machine (or --capture is not a capture folder).
        """;

    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Epilogue);
        return code;
    }
}
