using System.Net.Http.Json;
using AzLocalMonitor.Rules.Diagnostics;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// A generic webhook (chat bridges, ticketing, custom automation): <c>POST {url}</c> with an envelope shaped like
/// Alertmanager's own webhook payload (<c>version</c>, <c>status</c>, <c>alerts[]</c> with per-alert status).
/// </summary>
public sealed class WebhookNotifier : HttpAlertSender
{
    private readonly string _receiver;

    public WebhookNotifier(HttpClient http, WebhookOptions webhook, AlertmanagerOptions delivery, SelfMetrics metrics, ILogger<WebhookNotifier> logger)
        : base(http, new Uri(Require(webhook).Url!), delivery, metrics, logger)
    {
        _receiver = webhook.Name;
    }

    protected override HttpContent Body(IReadOnlyList<AlertNotification> batch)
    {
        var now = DateTimeOffset.UtcNow;
        var alerts = batch.Select(a => new
        {
            status = a.EndsAt <= now ? "resolved" : "firing",
            labels = a.Labels,
            annotations = a.Annotations,
            startsAt = a.StartsAt,
            endsAt = a.EndsAt,
            generatorURL = a.GeneratorUrl,
        }).ToList();
        return JsonContent.Create(new
        {
            version = "4",
            receiver = _receiver,
            status = alerts.Any(a => a.status == "firing") ? "firing" : "resolved",
            alerts,
        });
    }

    private static WebhookOptions Require(WebhookOptions webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return webhook;
    }
}
