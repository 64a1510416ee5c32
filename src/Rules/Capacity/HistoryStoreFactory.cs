using AzLocalMonitor.Rules.History;
using AzLocalMonitor.Rules.RemoteWrite;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Capacity;

/// <summary>
/// Picks the history store from <c>Capacity:HistorySource</c>: the local SQLite file (whose points are also
/// remote-written when RemoteWrite is on), a Prometheus-compatible store by PromQL, or Azure Data Explorer.
/// </summary>
public static class HistoryStoreFactory
{
    public const string Local = "local";
    public const string Remote = "remote";
    public const string Kusto = "kusto";

    public static IHistoryStore Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var capacity = services.GetRequiredService<IOptions<CapacityOptions>>().Value;
        var history = services.GetRequiredService<IOptions<HistoryOptions>>().Value;
        var tap = services.GetService<RemoteWriteTap>();
        switch (capacity.HistorySource.ToLowerInvariant())
        {
            case Remote:
                var baseUrl = capacity.HistoryQueryUrl.EndsWith('/') ? capacity.HistoryQueryUrl : capacity.HistoryQueryUrl + "/";
                return new PromQlHistoryStore(services.GetRequiredService<IHttpClientFactory>().CreateClient("history-query"), new Uri(baseUrl),
                    tap ?? throw new InvalidOperationException("Capacity:HistorySource=remote needs RemoteWrite:Url (history points are written there)."),
                    services.GetRequiredService<TimeProvider>(), history.Retention, capacity.HistoryQueryBearerToken is { Length: > 0 } t ? t : null);
            case Kusto:
                return services.GetRequiredService<Kusto.KustoHistoryStore>();
            default:
                var local = new SqliteHistoryStore(Path.GetFullPath(history.Path));
                return tap is null ? local : new RemoteWriteTeeHistoryStore(local, tap);
        }
    }
}
