using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Auth;

/// <summary>ASP.NET Core's rate limiter, partitioned by the authenticated token name (<see cref="Caller"/>).</summary>
public static class RateLimitSetup
{
    /// <summary>Policy of <c>POST /v1/metrics</c>.</summary>
    public const string IngestPolicy = "azlm-ingest-rate";

    /// <summary>Policy of the write APIs (maintenance, silences, policy reload).</summary>
    public const string WritesPolicy = "azlm-writes-rate";

    public static IServiceCollection AddRulesRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(IngestPolicy, http => Bucket(http, options.IngestPerSecond, options.IngestBurst, TimeSpan.FromSeconds(1)));
            limiter.AddPolicy(WritesPolicy, http => Bucket(http, options.WritesPerMinute, options.WritesBurst, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(HttpContext http, int perPeriod, int burst, TimeSpan period)
    {
        var key = Caller.Of(http)?.Name ?? "(unauthenticated)";
        if (perPeriod <= 0)
        {
            return RateLimitPartition.GetNoLimiter(key);
        }

        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, 1),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
