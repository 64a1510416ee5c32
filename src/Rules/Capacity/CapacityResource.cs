using AzLocalMonitor.Rules.History;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// A forecast resource: the history series whose growth is forecast (demand), those held at their latest value
/// (capacity), how they make a utilisation ratio, and the policy the ratio must stay under.
/// </summary>
/// <param name="Name">Label value <c>resource</c>: storage, memory, cpu, n_plus_1, vms.</param>
/// <param name="Policy">Ratio at which the resource crosses policy (0.8, or 1 for N+1); +∞ for counts with no policy.</param>
/// <param name="Demand">Series forecast.</param>
/// <param name="Capacity">Series held at their latest value.</param>
/// <param name="Statistic">Which rollup statistic is forecast (peaks for capacity: max, p95 for CPU).</param>
/// <param name="Ratio">Utilisation from demand and capacity values by series name (NaN when not computable).</param>
/// <param name="IsRatio">False for counts (VMs): forecast, but no policy, metric or alert.</param>
public sealed record CapacityResource(
    string Name,
    double Policy,
    IReadOnlyList<string> Demand,
    IReadOnlyList<string> Capacity,
    RollupStatistic Statistic,
    Func<Func<string, double>, double> Ratio,
    bool IsRatio = true);
