using System.Buffers;
using System.IO.Compression;
using System.Net.Http.Headers;
using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Diagnostics;
using AzLocalMonitor.Telemetry;
using AzLocalMonitor.Telemetry.Otlp.Collector;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// <c>POST /v1/metrics</c>: the OTLP/HTTP adapter. Protobuf or JSON (anything else 415), gzip or identity,
/// bodies over <see cref="IngestOptions.MaxRequestBytes"/> 413, undecodable bodies 400. The response uses the
/// request's encoding and reports rejected points as an OTLP partial success, including points for clusters the
/// caller's token may not write (never stored). A report for a cluster another shard owns is refused whole with 421.
/// </summary>
public static class OtlpEndpoint
{
    private static readonly IResult EmptyProtobuf = Results.Bytes(Array.Empty<byte>(), "application/x-protobuf");
    private static readonly IResult EmptyJson = Results.Text("{}", "application/json");

    public static async Task<IResult> HandleAsync(HttpContext http, IngestPipeline pipeline, IOptions<IngestOptions> options, SelfMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.MaxRequestBytes;
        var encoding = ParseEncoding(http.Request.ContentType);
        if (encoding is null)
        {
            metrics.IngestRequest(null, SelfMetrics.Outcome.UnsupportedMediaType);
            return Results.Text("Content-Type must be application/x-protobuf or application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var contentEncoding = http.Request.Headers.ContentEncoding.ToString().Trim();
        var gzip = contentEncoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && contentEncoding.Length > 0 && !contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.UnsupportedMediaType);
            return Results.Text($"Content-Encoding '{contentEncoding}' is not supported (use gzip or none).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > limit)
        {
            return TooLarge(metrics, encoding.Value, limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1;
        }

        PooledBody body;
        try
        {
            body = await ReadLimitedAsync(http.Request.Body, gzip, http.Request.ContentLength, limit, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            return TooLarge(metrics, encoding.Value, limit);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(metrics, encoding.Value, limit);
        }
        catch (InvalidDataException ex)
        {
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.Invalid);
            return Results.Text($"Invalid gzip body: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        var clusters = Caller.Of(http)?.Clusters ?? ClusterScope.Nothing;
        var replay = Replay(http.Request.Headers, options.Value.ReplayAfter);
        MappingResult result;
        try
        {
            result = encoding == OtlpEncoding.Protobuf
                ? pipeline.IngestProtobuf(body.Span, clusters, replay)
                : pipeline.Ingest(OtlpDecoder.Decode(body.Span, encoding.Value), clusters, replay);
        }
        catch (OtlpDecodeException ex)
        {
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.Invalid);
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        finally
        {
            body.Return();
        }

        if (result.Misdirected is { } misdirected)
        {
            // 421 Misdirected Request (RFC 9110 §15.5.20): this server will not answer for that cluster; the agent keeps
            // the batch and retries, so nothing is lost once it is pointed at the right shard.
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.Misdirected);
            return Results.Text(misdirected, statusCode: StatusCodes.Status421MisdirectedRequest);
        }

        metrics.IngestRequest(encoding, SelfMetrics.Outcome.Accepted);
        if (result.Explain() is not { } explanation)
        {
            // Full success: the empty response (no message to build and encode on the common path).
            return encoding == OtlpEncoding.Json ? EmptyJson : EmptyProtobuf;
        }

        var response = new ExportMetricsServiceResponse
        {
            PartialSuccess = new ExportMetricsPartialSuccess { RejectedDataPoints = result.RejectedTotal, ErrorMessage = explanation },
        };

        return encoding == OtlpEncoding.Json
            ? Results.Text(JsonFormatter.Default.Format(response), "application/json")
            : Results.Bytes(response.ToByteArray(), "application/x-protobuf");
    }

    /// <summary>Maps a Content-Type header to an encoding (parameters such as charset ignored); null when unsupported.</summary>
    public static OtlpEncoding? ParseEncoding(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType?.ToLowerInvariant() switch
        {
            "application/x-protobuf" or "application/protobuf" => OtlpEncoding.Protobuf,
            "application/json" => OtlpEncoding.Json,
            _ => null,
        };
    }

    private static IResult TooLarge(SelfMetrics metrics, OtlpEncoding encoding, long limit)
    {
        metrics.IngestRequest(encoding, SelfMetrics.Outcome.TooLarge);
        return Results.Text($"Body exceeds the limit of {limit} bytes (Ingest:MaxRequestBytes).", statusCode: StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>What the agent's headers say about its backlog; <see cref="ReplayMark.None"/> for a client that says nothing.</summary>
    internal static ReplayMark Replay(IHeaderDictionary headers, TimeSpan replayAfter)
    {
        var age = Count(headers[ExportHeaders.BatchAge].ToString());
        var backlog = Count(headers[ExportHeaders.Backlog].ToString());
        if (age is null && backlog is null)
        {
            return ReplayMark.None;
        }

        var agent = headers[ExportHeaders.Agent].ToString();
        var old = age is { } seconds && TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue)) >= replayAfter;
        return new ReplayMark(agent.Length is > 0 and <= 256 ? agent : null, old, backlog is { } b ? (int)Math.Min(b, int.MaxValue) : null);
    }

    private static long? Count(string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// Reads the body into a buffer rented from the shared pool (returned after ingest): sized from Content-Length
    /// when the body is not compressed, grown by doubling otherwise, never past <paramref name="limit"/>.
    /// </summary>
    private static async Task<PooledBody> ReadLimitedAsync(Stream body, bool gzip, long? contentLength, long limit, CancellationToken ct)
    {
        var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        var initial = !gzip && contentLength is > 0 ? (int)Math.Min(contentLength.Value + 1, limit + 1) : 16 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > limit)
                {
                    throw new BodyTooLargeException();
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return new PooledBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        finally
        {
            if (gzip)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A request body in a rented buffer; <see cref="Return"/> gives the buffer back once ingest is done with it.</summary>
    private readonly record struct PooledBody(byte[] Buffer, int Length)
    {
        public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }

    private sealed class BodyTooLargeException : Exception;
}
