using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.RemoteWrite;

/// <summary>Registers remote write when <c>RemoteWrite:Url</c> or <c>RemoteWrite:Urls</c> names a destination.</summary>
public static class RemoteWriteServiceCollectionExtensions
{
    /// <summary>Adds the buffer, the tap, a sender per destination, the ALERTS sampler and the self-metrics.</summary>
    public static IServiceCollection AddRemoteWrite(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var destinations = RemoteWriteDestination.From(configuration, errors);
        services.AddOptions<RemoteWriteOptions>().Bind(configuration.GetSection(RemoteWriteOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RemoteWriteOptions>>(new RemoteWriteOptionsValidator(errors));
        if (destinations.Count == 0 || errors.Count > 0)
        {
            return services;
        }

        services.AddHttpClient("remote-write", c => c.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts: RemoteWriteSender
        services.AddSingleton(sp => new RemoteWriteBuffer(sp.GetRequiredService<IOptions<RemoteWriteOptions>>().Value, destinations));
        services.AddSingleton(sp => new RemoteWriteTap(sp.GetRequiredService<RemoteWriteBuffer>(), sp.GetRequiredService<IOptions<RemoteWriteOptions>>().Value));
        services.AddSingleton<IReadOnlyList<RemoteWriteSender>>(sp =>
        {
            var buffer = sp.GetRequiredService<RemoteWriteBuffer>();
            var options = sp.GetRequiredService<IOptions<RemoteWriteOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>();
            var logger = sp.GetRequiredService<ILogger<RemoteWriteSender>>();
            return [.. destinations.Select(d => new RemoteWriteSender(http.CreateClient("remote-write"), d, buffer.Cursors[d], options, logger, sp.GetRequiredService<TimeProvider>()))];
        });
        services.AddSingleton<Exposition.IMetricsContributor, RemoteWriteMetrics>();
        services.AddHostedService<RemoteWriteHost>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<AlertsSampler>(sp, sp.GetRequiredService<IOptions<RemoteWriteOptions>>().Value));
        return services;
    }
}

/// <summary>Checks the RemoteWrite section: destinations (parsed earlier) and ranges.</summary>
public sealed class RemoteWriteOptionsValidator(IReadOnlyList<string> destinationErrors) : IValidateOptions<RemoteWriteOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(destinationErrors);
        if (options.Shards is < 1 or > 64)
        {
            failures.Add($"RemoteWrite:Shards must be 1..64 (got {options.Shards}).");
        }

        if (options.MaxSamplesPerSend is < 1 or > 100_000)
        {
            failures.Add($"RemoteWrite:MaxSamplesPerSend must be 1..100000 (got {options.MaxSamplesPerSend}).");
        }

        if (options.SegmentBytes < 4096 || options.MaxBufferBytes < options.SegmentBytes * 2)
        {
            failures.Add($"RemoteWrite:SegmentBytes must be at least 4096 and MaxBufferBytes at least twice it (got {options.SegmentBytes} and {options.MaxBufferBytes}).");
        }

        if (options.MinBackoff <= TimeSpan.Zero || options.MaxBackoff < options.MinBackoff || options.Timeout <= TimeSpan.Zero || options.AlertsInterval <= TimeSpan.Zero)
        {
            failures.Add("RemoteWrite: MinBackoff, Timeout and AlertsInterval must be positive and MaxBackoff at least MinBackoff.");
        }

        if (string.IsNullOrWhiteSpace(options.WalPath))
        {
            failures.Add("RemoteWrite:WalPath must name a directory.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
