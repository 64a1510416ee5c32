using System.Net;
using System.Text.Json;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// A local HTTP sink for Alertmanager's webhook receivers (<c>POST /hooks/{receiver}</c>, loopback only): keeps every
/// notification in arrival order — receiver, group key, status and the group's alerts — as the paging service, the
/// chat bridge and the log sink would get them.
/// </summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<WebhookNotification> _received = [];
    private readonly Task _loop;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private WebhookSink(int port)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Time since the sink started (the clock of <see cref="WebhookNotification.At"/>).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public static WebhookSink Start() => new(FreePort.Next());

    /// <summary>Every notification so far, in arrival order.</summary>
    public IReadOnlyList<WebhookNotification> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // stopping the listener ends the pending GetContextAsync
        }
        catch (ObjectDisposedException)
        {
            // same, depending on timing
        }

        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var receiver = context.Request.Url!.AbsolutePath.TrimEnd('/').Split('/')[^1];
            var notification = WebhookNotification.Parse(receiver, body) with { At = _clock.Elapsed };
            lock (_received)
            {
                _received.Add(notification);
            }

            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.Close();
        }
    }
}

/// <summary>One Alertmanager webhook call: the receiver it reached and the group it carries.</summary>
public sealed record WebhookNotification(string Receiver, string GroupKey, string Status, IReadOnlyList<NotifiedAlert> Alerts)
{
    /// <summary>When it arrived, from the sink's start (diagnostics only: nothing is asserted on time).</summary>
    public TimeSpan At { get; init; }

    public override string ToString() =>
        $"{At.TotalSeconds,5:0.0}s {Receiver} {Status}: " + string.Join(", ", Alerts.Select(a => a.ToString()));

    public static WebhookNotification Parse(string receiver, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var alerts = root.GetProperty("alerts").EnumerateArray()
            .Select(a => new NotifiedAlert(
                a.GetProperty("status").GetString()!,
                a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)))
            .ToList();
        return new WebhookNotification(receiver, root.GetProperty("groupKey").GetString()!, root.GetProperty("status").GetString()!, alerts);
    }
}

/// <summary>An alert inside a notification: firing or resolved, and its labels.</summary>
public sealed record NotifiedAlert(string Status, IReadOnlyDictionary<string, string> Labels)
{
    public string Name => Labels.GetValueOrDefault("alertname", string.Empty);

    public string? Cluster => Labels.GetValueOrDefault("cluster");

    public bool IsFiring => Status == "firing";

    public override string ToString() =>
        $"{(IsFiring ? string.Empty : "resolved ")}{Name}{{{string.Join(", ", Labels.Where(l => l.Key is not ("alertname" or "severity")).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}}}";

    /// <summary>True if every pair of <paramref name="subset"/> is among the labels.</summary>
    public bool Has(IReadOnlyDictionary<string, string> subset) => subset.All(kv => Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
