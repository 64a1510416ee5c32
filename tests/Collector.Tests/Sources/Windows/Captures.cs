using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Capture;

namespace AzLocalMonitor.Collector.Tests.Sources.Windows;

/// <summary>The capture-format fixtures (see Captures/README.md for where each value comes from).</summary>
internal static class Captures
{
    public const string AllFlashHealthy = "allflash-3node-healthy";
    public const string HybridWitnessFailed = "hybrid-2node-cache-witness-failed";
    public const string NodeDown = "node-down-repair-suspended";
    public const string UnknownStates = "unknown-states-diagnose-59000";
    public const string ClusterUnreachable = "node-cluster-unreachable";
    public const string StretchedReplication = "stretched-replication";

    public static string PathOf(string name) => System.IO.Path.Combine(RepoPaths.Captures, name);

    public static WindowsCaptureSource Source(string name) => new(new CaptureFolder(PathOf(name)));

    public static ClusterReading Replay(string name) => Source(name).Read();
}
