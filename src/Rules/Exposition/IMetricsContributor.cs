namespace AzLocalMonitor.Rules.Exposition;

/// <summary>Adds metric families to <c>GET /metrics</c> (registered in DI; <c>Api/MetricsEndpoint</c> calls every one).</summary>
public interface IMetricsContributor
{
    /// <summary>Writes whole families (HELP, TYPE, samples). Must not block on I/O.</summary>
    void WriteTo(PrometheusTextWriter writer);
}
