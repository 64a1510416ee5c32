using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Windows.Records;

namespace AzLocalMonitor.Collector.Sources.Windows.Probes;

/// <summary>
/// What the cluster asks the agent to time (<see cref="Targets"/>) and the round trips it measured, as the catalog's
/// azlocal.cluster.site.latency and azlocal.cluster.witness.latency. A target that did not answer has no result, so
/// its series is absent, never zero.
/// </summary>
internal static class ProbeReadings
{
    public static IReadOnlyList<ProbeTarget> Targets(WindowsSnapshot snapshot, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sites = SiteTargets.For(snapshot.Nodes, reportingNode).Select(s => s.Target);
        return [.. sites.Concat(Witness(snapshot) is { } w ? [w] : []).Distinct()];
    }

    public static IReadOnlyList<SiteLatency> Sites(WindowsSnapshot snapshot, string reportingNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. SiteTargets.For(snapshot.Nodes, reportingNode)
            .Where(s => snapshot.Probes.ContainsKey(s.Target))
            .Select(s => new SiteLatency(s.Site, s.PeerSite, snapshot.Probes[s.Target]))];
    }

    public static double? WitnessSeconds(WindowsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Witness(snapshot) is { } target && snapshot.Probes.TryGetValue(target, out var seconds) ? seconds : null;
    }

    // The cluster has at most one witness; the reader keeps only the cloud and file share types.
    private static ProbeTarget? Witness(WindowsSnapshot snapshot) =>
        snapshot.WitnessResources.FirstOrDefault() is { } witness ? WitnessTarget.Of(witness) : null;
}
