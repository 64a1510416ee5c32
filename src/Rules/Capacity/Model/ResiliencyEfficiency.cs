namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>What a resiliency gives on a given cluster.</summary>
/// <param name="Requested">The resiliency asked for.</param>
/// <param name="Effective">The resiliency S2D would actually use (differs only for <see cref="Resiliency.Parity"/>).</param>
/// <param name="Efficiency">Usable fraction of the footprint, 0..1 (data / raw bytes it occupies).</param>
/// <param name="NodeFailuresTolerated">Simultaneous node failures the data survives.</param>
/// <param name="Note">Why the figure is what it is (empty when unremarkable).</param>
public sealed record ResiliencyEfficiency(
    Resiliency Requested,
    Resiliency Effective,
    double Efficiency,
    int NodeFailuresTolerated,
    string Note);
