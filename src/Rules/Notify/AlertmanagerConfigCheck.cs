using System.Text.Json;
using System.Text.RegularExpressions;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Telemetry.Wire;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Notify;

/// <summary>
/// Fails loudly when the Alertmanager Rules sends to still has the shipped placeholder receivers
/// (<c>https://replace-me.invalid/…</c> in deploy/alertmanager/alertmanager.yml), which deliver nowhere: reads the
/// configuration Alertmanager runs (<c>GET /api/v2/status</c>, <c>config.original</c>) at start and every 10 minutes
/// (it may be reloaded), logs an error naming them, and sets <c>azlm_alertmanager_placeholder_receivers</c>.
/// </summary>
public sealed partial class AlertmanagerConfigCheck(
    IHttpClientFactory http, IOptions<AlertmanagerOptions> options, SelfMetrics metrics, TimeProvider time, ILogger<AlertmanagerConfigCheck> logger) : BackgroundService
{
    private static readonly TimeSpan Unreachable = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(10);

    /// <summary>The webhook URLs in an Alertmanager configuration that point at a <c>.invalid</c> host (never resolves).</summary>
    public static IReadOnlyList<string> Placeholders(string configuration) =>
        PlaceholderUrl().Matches(configuration ?? string.Empty).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every Alertmanager Rules sends to (Alertmanager:Url and the HA list Alertmanager:Urls): one member of a mesh
        // left with the shipped placeholders pages nobody for the alerts it dispatches.
        var urls = options.Value.AllUrls().Select(u => u.TrimEnd('/')).ToList();
        var client = http.CreateClient("alertmanager-status");
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Recheck;
            var total = 0;
            foreach (var baseUrl in urls)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(baseUrl + "/api/v2/status"), stoppingToken).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                    using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(stoppingToken).ConfigureAwait(false), cancellationToken: stoppingToken).ConfigureAwait(false);
                    var original = json.RootElement.TryGetProperty("config", out var config) && config.TryGetProperty("original", out var text) ? text.GetString() ?? "" : "";
                    var found = Placeholders(original);
                    total += found.Count;
                    if (found.Count > 0)
                    {
                        LogPlaceholders(logger, baseUrl, string.Join(", ", found));
                    }
                }
                catch (Exception ex) when ((NetworkFailure.IsTransient(ex) || ex is JsonException or TaskCanceledException) && !stoppingToken.IsCancellationRequested)
                {
                    next = Unreachable; // Alertmanager not up yet, or an old one without the status API: ask again soon
                }
            }

            metrics.AlertmanagerPlaceholderReceivers(total);
            try
            {
                await Task.Delay(next, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [GeneratedRegex(@"(?<=url:\s*[""']?)https?://[^\s""'/]+\.invalid(?::\d+)?(?:/[^\s""']*)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderUrl();

    [LoggerMessage(Level = LogLevel.Error, Message = "Alertmanager at {Url} still has placeholder receivers that deliver nowhere: {Receivers}. Replace them in its alertmanager.yml (deploy/alertmanager/alertmanager.yml says how); until then nobody is paged.")]
    private static partial void LogPlaceholders(ILogger logger, string url, string receivers);
}
