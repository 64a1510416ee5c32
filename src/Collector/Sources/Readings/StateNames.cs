using AzLocalMonitor.Telemetry;

namespace AzLocalMonitor.Collector.Sources.Readings;

/// <summary>The catalog's state-set values for the reading enums (their order matches the catalog lists).</summary>
internal static class StateNames
{
    public static string Of(NodeState state) => MetricCatalog.States.Node[(int)state];

    public static string Of(DrainState state) => MetricCatalog.States.Drain[(int)state];

    public static string Of(HealthState state) => MetricCatalog.States.Health[(int)state];

    public static string Of(OperationalState state) => MetricCatalog.States.VolumeOperational[(int)state];

    public static string Of(WitnessState state) => MetricCatalog.States.Witness[(int)state];

    public static string Of(DiskState state) => MetricCatalog.States.DiskState[(int)state];

    public static string Of(ReplicationState state) => MetricCatalog.States.Replication[(int)state];

    public static string Of(ReplicationMode mode) => mode == ReplicationMode.Synchronous ? "synchronous" : "asynchronous";

    public static string Of(WitnessType type) => type switch
    {
        WitnessType.Cloud => "cloud",
        WitnessType.FileShare => "fileshare",
        _ => "none",
    };
}
