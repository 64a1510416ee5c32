namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// The resiliency efficiency table of docs/capacity.md: two-way mirror 50%, three-way 33.3%, dual parity by node
/// count (all-flash 4–6 50%, 7–8 66.7%, 9–15 75%, 16 80%; hybrid 4–6 50%, 7–11 66.7%, 12–16 72.7%), single
/// parity 66.7% on 3 nodes (75% on 4+), nested two-way mirror 25%.
/// </summary>
public static class ResiliencyTable
{
    /// <summary>Largest Azure Local cluster.</summary>
    public const int MaxNodes = 16;

    /// <summary>Default share of a mirror-accelerated parity volume held in its mirror tier.</summary>
    public const double DefaultMirrorFraction = 0.2;

    /// <summary>
    /// The efficiency of <paramref name="resiliency"/> on <paramref name="nodes"/> nodes, or null with the reason
    /// in <paramref name="reason"/> when S2D cannot create such a volume there.
    /// </summary>
    public static ResiliencyEfficiency? TryResolve(
        Resiliency resiliency, int nodes, MediaKind media, out string reason, double mirrorFraction = DefaultMirrorFraction)
    {
        reason = string.Empty;
        if (nodes < 1 || nodes > MaxNodes)
        {
            reason = $"Azure Local clusters have 1 to {MaxNodes} nodes (got {nodes}).";
            return null;
        }

        switch (resiliency)
        {
            case Resiliency.Simple:
                return new(resiliency, resiliency, 1.0, 0, "no redundancy");
            case Resiliency.TwoWayMirror:
                return nodes >= 2 ? new(resiliency, resiliency, 0.5, 1, string.Empty) : Fail(out reason, "two-way mirror needs 2 nodes");
            case Resiliency.ThreeWayMirror:
                return nodes >= 3 ? new(resiliency, resiliency, 1.0 / 3, 2, string.Empty) : Fail(out reason, "three-way mirror needs 3 nodes");
            case Resiliency.NestedTwoWayMirror:
                return nodes == 2
                    ? new(resiliency, resiliency, 0.25, 1, "four copies: survives a node and a drive on the other node")
                    : Fail(out reason, "nested resiliency is for 2-node clusters");
            case Resiliency.SingleParity:
                return nodes >= 3
                    ? new(resiliency, resiliency, nodes == 3 ? 2.0 / 3 : 0.75, 1, nodes == 3 ? "2 data + 1 parity" : "3 data + 1 parity")
                    : Fail(out reason, "single parity needs 3 nodes");
            case Resiliency.DualParity:
                return nodes >= 4
                    ? new(resiliency, resiliency, DualParity(nodes, media), 2, DualParityNote(nodes, media))
                    : Fail(out reason, $"dual parity needs 4 nodes (got {nodes})");
            case Resiliency.MirrorAcceleratedParity:
                if (nodes < 4)
                {
                    return Fail(out reason, "mirror-accelerated parity needs 4 nodes");
                }

                var parity = DualParity(nodes, media);
                var efficiency = 1.0 / ((mirrorFraction * 3) + ((1 - mirrorFraction) / parity));
                return new(resiliency, resiliency, efficiency, 2, $"{mirrorFraction:P0} three-way mirror + {1 - mirrorFraction:P0} dual parity at {parity:P1}");
            case Resiliency.Parity:
                if (nodes >= 4)
                {
                    return new(resiliency, Resiliency.DualParity, DualParity(nodes, media), 2, DualParityNote(nodes, media));
                }

                if (nodes == 3)
                {
                    return new(resiliency, Resiliency.SingleParity, 2.0 / 3, 1,
                        "dual parity needs 4 nodes: on 3 nodes only single parity (2 data + 1 parity, 66.7%) is possible");
                }

                return Fail(out reason, "parity needs at least 3 nodes");
            default:
                return Fail(out reason, $"unknown resiliency {resiliency}");
        }
    }

    /// <summary>Like <see cref="TryResolve"/> but throws <see cref="ArgumentException"/> with the reason.</summary>
    public static ResiliencyEfficiency Resolve(Resiliency resiliency, int nodes, MediaKind media = MediaKind.AllFlash) =>
        TryResolve(resiliency, nodes, media, out var reason) ?? throw new ArgumentException(reason, nameof(resiliency));

    /// <summary>Dual parity efficiency by node count (4..16) and media.</summary>
    public static double DualParity(int nodes, MediaKind media) => media switch
    {
        MediaKind.Hybrid => nodes switch
        {
            <= 6 => 0.5,
            <= 11 => 2.0 / 3,
            _ => 8.0 / 11,
        },
        _ => nodes switch
        {
            <= 6 => 0.5,
            <= 8 => 2.0 / 3,
            <= 15 => 0.75,
            _ => 0.8,
        },
    };

    /// <summary>Parses a resiliency label value of the catalog (<c>three_way_mirror</c>...) or a CLI name.</summary>
    public static Resiliency? Parse(string? value) =>
        value?.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "SIMPLE" => Resiliency.Simple,
            "TWOWAYMIRROR" or "MIRROR" => Resiliency.TwoWayMirror,
            "THREEWAYMIRROR" => Resiliency.ThreeWayMirror,
            "SINGLEPARITY" => Resiliency.SingleParity,
            "DUALPARITY" => Resiliency.DualParity,
            "MIRRORACCELERATEDPARITY" => Resiliency.MirrorAcceleratedParity,
            "NESTEDTWOWAYMIRROR" => Resiliency.NestedTwoWayMirror,
            "PARITY" => Resiliency.Parity,
            _ => null,
        };

    private static string DualParityNote(int nodes, MediaKind media) => (media, nodes) switch
    {
        (MediaKind.AllFlash, >= 16) => "LRC (12,2,1)",
        (MediaKind.AllFlash, >= 9) => "RS 6+2",
        (MediaKind.AllFlash, >= 7) => "RS 4+2",
        (MediaKind.Hybrid, >= 12) => "LRC (8,2,1)",
        (MediaKind.Hybrid, >= 7) => "RS 4+2",
        _ => "RS 2+2",
    };

    private static ResiliencyEfficiency? Fail(out string reason, string why)
    {
        reason = why;
        return null;
    }
}
