using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector;

/// <summary>Every log line of the collector, source-generated (no boxing or formatting when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Collecting {Source} as cluster {Cluster}, node {Node}; exporting OTLP/HTTP protobuf to {Endpoint} every {Interval}")]
    public static partial void Starting(ILogger logger, string source, string cluster, string node, Uri endpoint, TimeSpan interval);

    [LoggerMessage(2, LogLevel.Warning, "State change: {Change}")]
    public static partial void StateChanged(ILogger logger, string change);

    [LoggerMessage(3, LogLevel.Information, "Immediate export ({Reason}): {Outcome} in {Milliseconds:F0} ms")]
    public static partial void ImmediateExport(ILogger logger, string reason, string outcome, double milliseconds);

    [LoggerMessage(4, LogLevel.Warning, "Export problem: {Message}{Suppressed}")]
    public static partial void ExportProblem(ILogger logger, string message, string suppressed);

    [LoggerMessage(5, LogLevel.Error, "Reading {Source} failed; exporting nothing for this collection")]
    public static partial void ReadFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Stopped after a final export")]
    public static partial void Stopped(ILogger logger);
}
