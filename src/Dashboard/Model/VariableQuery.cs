namespace AzLocalMonitor.Dashboard.Model;

/// <summary>The Prometheus query-variable query as Grafana 10+/11 stores it (<c>qryType</c> 1 = classic query).</summary>
public sealed record VariableQuery(int QryType, string Query, string RefId);
