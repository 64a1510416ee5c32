using System.Net.Http.Json;
using AzLocalMonitor.Rules.Diagnostics;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>Alertmanager's v2 API: <c>POST {Url}/api/v2/alerts</c> with a JSON array of alerts.</summary>
public sealed class AlertmanagerNotifier : HttpAlertSender
{
    public AlertmanagerNotifier(HttpClient http, IOptions<AlertmanagerOptions> options, SelfMetrics metrics, ILogger<AlertmanagerNotifier> logger)
        : base(http, new Uri(new Uri(Require(options).Url!.TrimEnd('/') + "/"), "api/v2/alerts"), options.Value, metrics, logger)
    {
    }

    protected override HttpContent Body(IReadOnlyList<AlertNotification> batch) => JsonContent.Create(batch);

    private static AlertmanagerOptions Require(IOptions<AlertmanagerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }
}
