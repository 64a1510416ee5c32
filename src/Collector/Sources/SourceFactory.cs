using AzLocalMonitor.Collector.Configuration;
using AzLocalMonitor.Collector.Sources.Linux;
using AzLocalMonitor.Collector.Sources.Simulated;
using AzLocalMonitor.Collector.Sources.Windows;
using AzLocalMonitor.Collector.Sources.Windows.Capture;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Sources;

/// <summary>Creates the source the options ask for and decides the cluster name.</summary>
internal static class SourceFactory
{
    public const string DefaultSimulatedCluster = "simulated";

    /// <exception cref="ScenarioException">The scenario file is missing or invalid.</exception>
    /// <exception cref="SourceUnavailableException">The source cannot run on this machine.</exception>
    public static SourceSetup Create(CollectorOptions options, TimeProvider time, ILoggerFactory? loggers = null)
    {
        switch (options.Source)
        {
            case SourceKind.Simulated:
                var scenario = options.ScenarioPath is { } path ? ScenarioParser.Load(path) : Scenario.Steady;
                var name = options.ScenarioPath is { } p ? Path.GetFileName(p) : "steady";
                var timeScale = options.TimeScale ?? scenario.TimeScale ?? 1;
                if (scenario.Clusters.Count > 1)
                {
                    throw new ScenarioException($"{name} is a fleet of {scenario.Clusters.Count} clusters: run it with 'simulate run {options.ScenarioPath}'.");
                }

                var cluster = options.Cluster ?? scenario.Clusters[0].Name;
                return new SourceSetup(new SimulatedSource(scenario, timeScale, time, name), cluster);

            case SourceKind.Linux:
                if (!OperatingSystem.IsLinux())
                {
                    throw new SourceUnavailableException("The linux source reads /proc and needs Linux; use --source simulated here.");
                }

                // A standalone host is its own one-node cluster unless told otherwise.
                return new SourceSetup(
                    new LinuxSource(options.Node, peers: options.Peers, probeInterval: options.Interval, time: time), options.Cluster ?? options.Node);

            case SourceKind.WindowsCapture:
                // The capture's node reports, as it would have live (a --node given explicitly wins).
                var folder = new CaptureFolder(options.CapturePath!);
                var replayNode = options.NodeGiven ? options.Node : folder.ComputerName;
                return new SourceSetup(new WindowsCaptureSource(folder, replayNode), options.Cluster ?? folder.Cluster ?? replayNode, replayNode);

            default:
                if (OperatingSystem.IsWindows())
                {
                    return new SourceSetup(new WindowsSource(options.Node, options.Peers, options.Interval, time, loggers?.CreateLogger("AzLocalMonitor.Collector.Windows")), options.Cluster ?? options.Node);
                }

                throw new SourceUnavailableException(
                    "The windows source reads Windows perf counters and CIM (root\\MSCluster) and needs Windows. "
                        + "On this machine use --source linux (this host) or --source simulated.");
        }
    }
}
