using AzLocalMonitor.Collector.Sources.Readings;
using AzLocalMonitor.Collector.Sources.Simulated.Topology;

namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// What degrades a cluster without failing it, as scenario events set it: witness and inter-site round trips,
/// replication lag, a slow network segment, slow disks, failed cache drives. Null means "the topology's normal
/// value". Mutable, owned by one <see cref="SimulatedCluster"/> (which serializes access).
/// </summary>
internal sealed class Impairments
{
    private readonly ClusterSpec _spec;
    private readonly Dictionary<string, double> _network = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Severity, string Type), int> _faults = [];

    public Impairments(ClusterSpec spec)
    {
        _spec = spec;
        SlowDiskSeconds = new double?[spec.Nodes];
        FailedCacheDrives = new int[spec.Nodes];
    }

    public double? WitnessLatencySeconds { get; private set; }

    public double? SiteLatencySeconds { get; private set; }

    public bool SiteLinkCut { get; private set; }

    public double? ReplicationLagSeconds { get; private set; }

    /// <summary>Per node: the service time of its slow capacity drive, or null.</summary>
    public double?[] SlowDiskSeconds { get; }

    /// <summary>Per node: failed (unbound) cache drives.</summary>
    public int[] FailedCacheDrives { get; }

    /// <summary>Applies an impairment event; false for any other action.</summary>
    public bool Apply(ScenarioEvent e, int node)
    {
        switch (e.Action)
        {
            case ScenarioAction.WitnessLatency: WitnessLatencySeconds = e.Seconds; return true;
            case ScenarioAction.SiteLinkCut: SiteLinkCut = true; return true;
            case ScenarioAction.SiteLinkRestore: (SiteLinkCut, SiteLatencySeconds) = (false, null); return true;
            case ScenarioAction.SiteLinkLatency: SiteLatencySeconds = e.Seconds; return true;
            case ScenarioAction.ReplicationLag: ReplicationLagSeconds = e.Seconds; return true;
            case ScenarioAction.NetworkLatency:
                if (e.Seconds is { } s)
                {
                    _network[e.Network!] = s;
                }
                else
                {
                    _network.Remove(e.Network!);
                }

                return true;
            case ScenarioAction.SlowDisk: SlowDiskSeconds[node] = e.Seconds; return true;
            case ScenarioAction.CacheDriveFail:
                FailedCacheDrives[node] = Math.Min(_spec.Cache?.Count ?? 0, FailedCacheDrives[node] + 1);
                return true;
            case ScenarioAction.CacheDriveReplace: FailedCacheDrives[node] = Math.Max(0, FailedCacheDrives[node] - 1); return true;
            case ScenarioAction.HealthFault: _faults[(e.Fault!.Severity, e.Fault.Type)] = e.Fault.Count; return true;
            default: return false;
        }
    }

    /// <summary>Faults raised by health-fault events (a cleared one reports 0, as the collector's fault book would).</summary>
    public IEnumerable<FaultCount> InjectedFaults => _faults.Select(f => new FaultCount(f.Key.Severity, f.Key.Type, f.Value));

    /// <summary>A network segment's round trip now: the event's value, else the topology's.</summary>
    public double NetworkSeconds(string network, double normal) => _network.TryGetValue(network, out var s) ? s : normal;

    /// <summary>
    /// Share of a node's capacity drives still bound to a cache drive: a failed cache drive's capacity drives are
    /// unbound (S2D rebinds them only when a replacement arrives), so their reads miss the cache.
    /// </summary>
    public double CacheBound(int node) => _spec.Cache is { Count: > 0 } cache ? 1 - ((double)FailedCacheDrives[node] / cache.Count) : 1;

    /// <summary>Round trip to the witness; null when it is unreachable or there is none.</summary>
    public double? Witness(WitnessState state) => _spec.Witness switch
    {
        WitnessType.None => null,
        _ when state == WitnessState.Failed => null,
        WitnessType.Cloud => WitnessLatencySeconds ?? _spec.Networks.CloudWitnessLatencySeconds,
        _ => WitnessLatencySeconds ?? _spec.Networks.FileShareWitnessLatencySeconds,
    };

    /// <summary>Round trips between the first site and every other one; none while the link is cut.</summary>
    public IReadOnlyList<SiteLatency> Sites()
    {
        if (_spec.NodeSites is not { } sites || _spec.SiteCount < 2 || SiteLinkCut)
        {
            return [];
        }

        var seconds = SiteLatencySeconds ?? _spec.Networks.SiteLatencySeconds;
        return [.. sites.Distinct(StringComparer.Ordinal).Skip(1).Select(peer => new SiteLatency(sites[0], peer, seconds))];
    }

    /// <summary>
    /// The replication groups: a synchronous group waits for its destination while the link is cut (writes continue
    /// on the source only, and the lag grows from the cut); an asynchronous one reports the event's lag or its normal one.
    /// </summary>
    public IReadOnlyList<ReplicationReading> Replication(bool destinationReachable, double secondsSinceCut)
    {
        if (_spec.Replication is not { } r)
        {
            return [];
        }

        var state = destinationReachable ? ReplicationState.InSync : ReplicationState.WaitingForDestination;
        var lag = !destinationReachable ? secondsSinceCut : ReplicationLagSeconds ?? r.LagSeconds;
        return [.. r.Groups.Select(g => new ReplicationReading(g, r.Partner, r.Mode, state, lag))];
    }
}
