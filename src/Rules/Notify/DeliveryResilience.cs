using AzLocalMonitor.Telemetry.Wire;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// The resilience handler of the delivery HttpClients (Alertmanager, webhooks), from Microsoft.Extensions.Http.Resilience
/// (Polly underneath): up to <see cref="AlertmanagerOptions.MaxRetries"/> retries of transient failures — no answer,
/// 408, 429, 5xx; never another 4xx, which would fail again — with exponential backoff and jitter, each attempt bounded
/// by <see cref="AlertmanagerOptions.Timeout"/>.
/// </summary>
public static class DeliveryResilience
{
    public static IHttpClientBuilder AddDeliveryResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddResilienceHandler("delivery", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AlertmanagerOptions>>().Value;
            if (options.MaxRetries > 0) // Polly's retry needs at least one attempt; 0 means no retry strategy at all
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    // The library's transient set plus the bare socket and I/O errors a reset connection can raise.
                    ShouldHandle = args => ValueTask.FromResult(
                        HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        || (args.Outcome.Exception is { } e && NetworkFailure.IsTransient(e))),
                });
            }

            pipeline.AddTimeout(options.Timeout);
        });
        return builder;
    }
}
