using System.Net.Http.Json;
using AzLocalMonitor.Rules.Diagnostics;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>One Alertmanager's v2 API: <c>POST {url}/api/v2/alerts</c> with a JSON array of alerts.</summary>
public sealed class AlertmanagerNotifier : HttpAlertSender
{
    /// <param name="url">This Alertmanager's base URL (one of <see cref="AlertmanagerOptions.AllUrls"/>).</param>
    public AlertmanagerNotifier(HttpClient http, string url, AlertmanagerOptions options, SelfMetrics metrics, ILogger<AlertmanagerNotifier> logger)
        : base(http, new Uri(new Uri(url.TrimEnd('/') + "/"), "api/v2/alerts"), options, metrics, logger)
    {
    }

    protected override HttpContent Body(IReadOnlyList<AlertNotification> batch) => JsonContent.Create(batch);
}
