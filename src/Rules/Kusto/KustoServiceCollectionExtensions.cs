using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Kusto;

/// <summary>Registers the Kusto history store (resolved only when <c>Capacity:HistorySource=kusto</c>).</summary>
public static class KustoServiceCollectionExtensions
{
    public static IServiceCollection AddKustoHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KustoOptions>().Bind(configuration.GetSection(KustoOptions.Section)).ValidateOnStart();
        var used = string.Equals(configuration["Capacity:HistorySource"], "kusto", StringComparison.OrdinalIgnoreCase);
        services.AddSingleton<IValidateOptions<KustoOptions>>(new KustoOptionsValidator(used));
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
            return new KustoClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("kusto"), o, sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new KustoHistoryStore(sp.GetRequiredService<KustoClient>(), sp.GetRequiredService<IOptions<KustoOptions>>().Value));
        return services;
    }
}

/// <summary>Checks the Kusto section at start-up when it is used (<c>Capacity:HistorySource=kusto</c>), every bad key listed.</summary>
public sealed class KustoOptionsValidator(bool used) : IValidateOptions<KustoOptions>
{
    public ValidateOptionsResult Validate(string? name, KustoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!used)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.ClusterUrl, UriKind.Absolute, out _))
        {
            errors.Add($"Kusto:ClusterUrl must be the cluster's absolute URL, e.g. https://mycluster.westeurope.kusto.windows.net (got '{options.ClusterUrl}').");
        }

        if (string.IsNullOrWhiteSpace(options.Database) || string.IsNullOrWhiteSpace(options.Table))
        {
            errors.Add("Kusto:Database and Kusto:Table must be set.");
        }

        if (options.IngestMode is not ("streaming" or "inline"))
        {
            errors.Add($"Kusto:IngestMode must be streaming or inline (got '{options.IngestMode}').");
        }

        if (options.MaxBatchRows < 1 || options.MaxRetries < 0 || options.RetryDelay <= TimeSpan.Zero)
        {
            errors.Add("Kusto:MaxBatchRows must be positive, MaxRetries not negative and RetryDelay positive.");
        }

        if (options.ClientSecret.Length > 0 && (options.TenantId.Length == 0 || options.ClientId.Length == 0 || !Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out _)))
        {
            errors.Add("Kusto:ClientSecret needs Kusto:TenantId, Kusto:ClientId and an absolute Kusto:AuthorityHost.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
