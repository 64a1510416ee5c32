using Microsoft.Extensions.Logging;

namespace AzLocalMonitor.Collector;

/// <summary>Every log line of the collector, source-generated (no boxing or formatting when the level is off).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Collecting {Source} as cluster {Cluster}, node {Node}; exporting OTLP/HTTP protobuf to {Destinations} every {Interval}; spool {Spool} ({Depth} batches waiting)")]
    public static partial void Starting(ILogger logger, string source, string cluster, string node, string destinations, TimeSpan interval, string spool, int depth);

    [LoggerMessage(2, LogLevel.Warning, "State change: {Change}")]
    public static partial void StateChanged(ILogger logger, string change);

    [LoggerMessage(3, LogLevel.Information, "Immediate export ({Reason}): {Outcome} in {Milliseconds:F0} ms")]
    public static partial void ImmediateExport(ILogger logger, string reason, string outcome, double milliseconds);

    [LoggerMessage(4, LogLevel.Warning, "An instrument callback failed ({Type}: {Message}); its points are missing from this collection")]
    public static partial void CollectionProblem(ILogger logger, string type, string message);

    [LoggerMessage(5, LogLevel.Error, "Reading {Source} failed; exporting nothing for this collection")]
    public static partial void ReadFailed(ILogger logger, string source, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Stopped after a final export; {Depth} batches left in the spool for the next run")]
    public static partial void Stopped(ILogger logger, int depth);

    [LoggerMessage(7, LogLevel.Warning, "Destination {Destination} unreachable ({Error}); {Pending} batches kept on disk, retrying with backoff")]
    public static partial void DestinationDown(ILogger logger, string destination, string error, int pending);

    [LoggerMessage(8, LogLevel.Information, "Destination {Destination} is back; sending the spooled batches in order")]
    public static partial void DestinationBack(ILogger logger, string destination);

    [LoggerMessage(9, LogLevel.Error, "Destination {Destination} refused batch {Sequence} as invalid ({Error}); moved to the spool's poison folder")]
    public static partial void BatchPoisoned(ILogger logger, long sequence, string destination, string error);

    [LoggerMessage(10, LogLevel.Error, "Could not write a batch to the spool {Spool}; this collection is lost")]
    public static partial void SpoolWriteFailed(ILogger logger, string spool, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "Windows watch: a reading failed ({Failures} so far); the watch goes on")]
    public static partial void WatchReadFailed(ILogger logger, long failures, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Windows: CIM query refused or unanswered (reported once until it changes): {Query}")]
    public static partial void CimQueryFailed(ILogger logger, string query);

    [LoggerMessage(13, LogLevel.Warning, "Health Service snapshot failed (Diagnose returned {Code}); keeping the {Known} known faults")]
    public static partial void FaultRefreshFailed(ILogger logger, int code, string known);

    [LoggerMessage(14, LogLevel.Error, "Sending to {Destination} failed unexpectedly; the batch stays in the spool and is tried again")]
    public static partial void SendFailedUnexpectedly(ILogger logger, string destination, Exception exception);
}
