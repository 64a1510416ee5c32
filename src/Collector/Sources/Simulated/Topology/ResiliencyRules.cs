namespace AzLocalMonitor.Collector.Sources.Simulated.Topology;

/// <summary>
/// The module's resiliency arithmetic (docs/capacity.md): efficiency by node count and media, minimum nodes, and how
/// many simultaneous fault domains (nodes) a volume survives.
/// </summary>
internal static class ResiliencyRules
{
    /// <summary>Catalog value of attribute <c>resiliency</c>.</summary>
    public static string Name(Resiliency resiliency) => resiliency switch
    {
        Resiliency.TwoWayMirror => "two_way_mirror",
        Resiliency.ThreeWayMirror => "three_way_mirror",
        Resiliency.SingleParity => "single_parity",
        Resiliency.DualParity => "dual_parity",
        _ => "simple",
    };

    public static bool TryParse(string text, out Resiliency resiliency)
    {
        foreach (var value in Enum.GetValues<Resiliency>())
        {
            if (string.Equals(Name(value), text.Replace('-', '_'), StringComparison.Ordinal))
            {
                resiliency = value;
                return true;
            }
        }

        resiliency = default;
        return false;
    }

    public static int MinNodes(Resiliency resiliency) => resiliency switch
    {
        Resiliency.TwoWayMirror => 2,
        Resiliency.ThreeWayMirror or Resiliency.SingleParity => 3,
        Resiliency.DualParity => 4,
        _ => 1,
    };

    /// <summary>Simultaneous node (fault domain) failures the volume survives.</summary>
    public static int FaultTolerance(Resiliency resiliency) => resiliency switch
    {
        Resiliency.TwoWayMirror or Resiliency.SingleParity => 1,
        Resiliency.ThreeWayMirror or Resiliency.DualParity => 2,
        _ => 0,
    };

    /// <summary>
    /// Usable / footprint. Dual parity: 4–6 nodes 50%; all-flash 7–8 66.7%, 9–15 75% (RS 6+2), 16 80% (LRC 12,2,1);
    /// hybrid 7–11 66.7%, 12–16 72.7%. Single parity: 3 nodes 66.7% (2+1), 4 or more 75% (3+1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer nodes than the resiliency needs.</exception>
    public static double Efficiency(Resiliency resiliency, int nodes, bool allFlash)
    {
        if (nodes < MinNodes(resiliency))
        {
            throw new ArgumentOutOfRangeException(nameof(nodes), $"{Name(resiliency)} needs at least {MinNodes(resiliency)} nodes, not {nodes}.");
        }

        return resiliency switch
        {
            Resiliency.Simple => 1.0,
            Resiliency.TwoWayMirror => 0.5,
            Resiliency.ThreeWayMirror => 1.0 / 3,
            Resiliency.SingleParity => nodes == 3 ? 2.0 / 3 : 0.75,
            _ => DualParity(nodes, allFlash),
        };
    }

    private static double DualParity(int nodes, bool allFlash) => (nodes, allFlash) switch
    {
        ( <= 6, _) => 0.5,
        ( <= 8, true) => 2.0 / 3,
        ( <= 15, true) => 0.75,
        (_, true) => 0.8,
        ( <= 11, false) => 2.0 / 3,
        _ => 8.0 / 11,
    };
}
