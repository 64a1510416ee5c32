namespace AzLocalMonitor.Dashboard.Factories;

/// <summary>The module's default budgets (docs/reference/alerts.md) that colour the dashboards' thresholds.</summary>
public static class Budgets
{
    /// <summary>CPU, memory, volume and pool utilisation: warning from 80%.</summary>
    public const double UtilizationWarning = 0.80;

    /// <summary>Utilisation: critical from 90%.</summary>
    public const double UtilizationCritical = 0.90;

    /// <summary>Storage (RDMA/SMB) network round trip budget, seconds.</summary>
    public const double StorageNetworkLatency = 0.0005;

    /// <summary>Management network round trip budget, seconds.</summary>
    public const double ManagementNetworkLatency = 0.001;

    /// <summary>Cluster (heartbeat) network round trip budget, seconds.</summary>
    public const double ClusterNetworkLatency = 0.005;

    /// <summary>Capacity-tier volume latency budget, seconds.</summary>
    public const double StorageLatency = 0.010;

    /// <summary>S2D cache hit ratio policy (hybrid deployments).</summary>
    public const double CacheHitRatio = 0.80;

    /// <summary>Recovery-time objective of a single node failure's rebuild, seconds.</summary>
    public const double RebuildRto = 15 * 60;

    /// <summary>Forecast horizon that warns: 6 months, seconds (months of 30.436875 days).</summary>
    public const double ForecastWarning = 6 * Month;

    /// <summary>Forecast horizon that informs: 18 months, seconds.</summary>
    public const double ForecastInfo = 18 * Month;

    private const double Month = 30.436875 * 86400;
}
