using AzLocalMonitor.Rules.Alerting.Conditions;

namespace AzLocalMonitor.Rules.Alerting.Policy;

/// <summary>
/// Every condition kind a policy file can name, by its <c>condition:</c> value: the built-in ones plus any
/// registered in DI as <see cref="IAlertCondition"/> (e.g. capacity forecasting).
/// </summary>
public sealed class ConditionCatalog
{
    private readonly Dictionary<string, IAlertCondition> _byKind;

    public ConditionCatalog(IEnumerable<IAlertCondition> extra)
    {
        _byKind = BuiltIn().Concat(extra).ToDictionary(c => c.Kind, StringComparer.Ordinal);
    }

    /// <summary>The built-in kinds only.</summary>
    public static ConditionCatalog Default { get; } = new([]);

    /// <summary>Names of every kind, for error messages.</summary>
    public IEnumerable<string> Kinds => _byKind.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string kind, out IAlertCondition condition) => _byKind.TryGetValue(kind, out condition!);

    private static IEnumerable<IAlertCondition> BuiltIn() =>
    [
        new QuorumLostCondition(),
        new NodeDownCondition(),
        new StorageDegradedCondition(),
        new PhysicalDiskFailedCondition(),
        new QuorumAtRiskCondition(),
        new RebuildInProgressCondition(),
        new RebuildSlowCondition(),
        new SeriesThresholdCondition("node_cpu_high", CatalogNames.NodeCpu, above: true, ["cluster", "node"], ConditionHelpers.Percent, max: 1),
        new SeriesThresholdCondition("node_memory_high", CatalogNames.NodeMemory, above: true, ["cluster", "node"], ConditionHelpers.Percent, max: 1),
        new VolumeCapacityHighCondition(),
        new ReserveCapacityLowCondition(),
        new NetworkLatencyHighCondition(),
        new SeriesThresholdCondition("storage_latency_high", CatalogNames.StorageLatency, above: true, ["cluster", "node", "op", "volume"], ConditionHelpers.Millis, max: 60),
        new CacheHitRatioLowCondition(),
        new NodeMaintenanceCondition(),
        new MaintenanceWindowCondition(),
        new TelemetryLostCondition(),
        new HealthFaultCondition(),
        new WitnessFailedCondition(),
        new SeriesThresholdCondition("site_latency_high", CatalogNames.SiteLatency, above: true, ["cluster", "site", "peer_site"], ConditionHelpers.Millis, max: 1),
        new ReplicationUnhealthyCondition(),
        new ReplicationLagHighCondition(),
        new RoutineOperationCondition(),
        new CapacityForecastCondition(),
    ];
}
