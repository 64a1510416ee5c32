using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Kusto;

/// <summary>Registers the Kusto history store (resolved only when <c>Capacity:HistorySource=kusto</c>).</summary>
public static class KustoServiceCollectionExtensions
{
    public static IServiceCollection AddKustoHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KustoOptions>().Bind(configuration.GetSection(KustoOptions.Section));
        services.AddHttpClient("kusto");
        // A TokenCredential registered later (tests) wins; otherwise client credentials (tenant, client id, secret,
        // authority host) when configured, else DefaultAzureCredential (managed identity on Azure).
        services.AddSingleton<TokenCredential>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<KustoOptions>>().Value;
            return o.ClientSecret.Length > 0
                ? new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = new Uri(o.AuthorityHost) })
                : new DefaultAzureCredential();
        });
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<KustoOptions>>().Value;
            if (!Uri.TryCreate(o.ClusterUrl, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(o.Database))
            {
                throw new OptionsValidationException(KustoOptions.Section, typeof(KustoOptions),
                    [$"Capacity:HistorySource=kusto needs Kusto:ClusterUrl (an absolute URL; got '{o.ClusterUrl}') and Kusto:Database."]);
            }

            return new KustoClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("kusto"), o, sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new KustoHistoryStore(sp.GetRequiredService<KustoClient>(), sp.GetRequiredService<IOptions<KustoOptions>>().Value));
        return services;
    }
}
