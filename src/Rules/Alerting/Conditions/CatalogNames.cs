using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Rules.Alerting.Conditions;

/// <summary>Prometheus names of the catalog metrics the conditions read, derived from the catalog so they cannot drift.</summary>
internal static class CatalogNames
{
    public static readonly string ClusterQuorum = Of(Instruments.ClusterQuorum);
    public static readonly string ClusterVotesPresent = Of(Instruments.ClusterVotesPresent);
    public static readonly string ClusterVotesConfigured = Of(Instruments.ClusterVotesConfigured);
    public static readonly string NodeState = Of(Instruments.NodeState);
    public static readonly string VolumeHealth = Of(Instruments.StorageVolumeHealth);
    public static readonly string VolumeOperational = Of(Instruments.StorageVolumeOperational);
    public static readonly string PoolHealth = Of(Instruments.StoragePoolHealth);

    private static string Of(string instrument) =>
        MetricCatalog.TryGet(instrument, out var definition)
            ? definition.PrometheusName
            : throw new InvalidOperationException($"{instrument} is not in the metric catalog.");
}
