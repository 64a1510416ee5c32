using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// The OpenTelemetry SDK reports export failures only through EventSource; this forwards its warnings and
/// errors to our log, first line only (the payloads carry whole stack traces), and repeats an identical
/// message at most once a minute so that an unreachable Rules does not flood the console.
/// </summary>
internal sealed class OtlpEventForwarder : EventListener
{
    private static readonly TimeSpan RepeatAfter = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();

    // Set after the base constructor, which may already report event sources; events before that are dropped.
    private ILogger? _logger;
    private TimeProvider? _time;
    private string? _lastMessage;
    private DateTimeOffset _lastAt;
    private int _suppressed;

    public OtlpEventForwarder(ILogger logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // The exporter's warnings are about delivery; the SDK's warnings are mostly about meters we chose not to
        // subscribe to (System.Runtime, System.Net.Http), so only its errors are worth a line.
        if (eventSource.Name == "OpenTelemetry-Exporter-OpenTelemetryProtocol")
        {
            EnableEvents(eventSource, EventLevel.Warning);
        }
        else if (eventSource.Name == "OpenTelemetry-Sdk")
        {
            EnableEvents(eventSource, EventLevel.Error);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_logger is not { } logger || _time is not { } time || eventData.Level > EventLevel.Warning)
        {
            return;
        }

        var message = Format(eventData);
        var now = time.GetUtcNow();
        int suppressed;
        lock (_lock)
        {
            if (message == _lastMessage && now - _lastAt < RepeatAfter)
            {
                _suppressed++;
                return;
            }

            suppressed = _suppressed;
            (_lastMessage, _lastAt, _suppressed) = (message, now, 0);
        }

        Log.ExportProblem(logger, message, suppressed > 0 ? $" ({suppressed} identical messages in the last minute not shown)" : string.Empty);
    }

    private static string Format(EventWrittenEventArgs e)
    {
        var args = e.Payload?.Select(p => p is string s ? FirstLine(s) : p).ToArray() ?? [];
        try
        {
            return e.Message is { Length: > 0 } format ? string.Format(CultureInfo.InvariantCulture, format, args) : string.Join(", ", args);
        }
        catch (FormatException)
        {
            return $"{e.EventName}: {string.Join(", ", args)}";
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}
