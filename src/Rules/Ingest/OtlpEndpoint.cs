using System.IO.Compression;
using System.Net.Http.Headers;
using AzLocalMonitor.Rules.Auth;
using AzLocalMonitor.Rules.Diagnostics;
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
    /// <summary>Sent by the AzLocalMonitor agent: how many seconds ago (its clock) the batch was spooled.</summary>
    public const string BatchAgeHeader = "AzLocalMonitor-Batch-Age";

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

        byte[] body;
        try
        {
            body = await ReadLimitedAsync(http.Request.Body, gzip, limit, http.RequestAborted).ConfigureAwait(false);
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
        var replay = long.TryParse(http.Request.Headers[BatchAgeHeader].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var age)
            && TimeSpan.FromSeconds(Math.Min(age, int.MaxValue)) >= options.Value.ReplayAfter;
        MappingResult result;
        try
        {
            result = encoding == OtlpEncoding.Protobuf
                ? pipeline.IngestProtobuf(body, clusters, replay)
                : pipeline.Ingest(OtlpDecoder.Decode(body, encoding.Value), clusters, replay);
        }
        catch (OtlpDecodeException ex)
        {
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.Invalid);
            return Results.Text(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (result.Misdirected is { } misdirected)
        {
            // 421 Misdirected Request (RFC 9110 §15.5.20): this server will not answer for that cluster; the agent keeps
            // the batch and retries, so nothing is lost once it is pointed at the right shard.
            metrics.IngestRequest(encoding, SelfMetrics.Outcome.Misdirected);
            return Results.Text(misdirected, statusCode: StatusCodes.Status421MisdirectedRequest);
        }

        metrics.IngestRequest(encoding, SelfMetrics.Outcome.Accepted);
        var response = new ExportMetricsServiceResponse();
        if (result.Explain() is { } explanation)
        {
            response.PartialSuccess = new ExportMetricsPartialSuccess { RejectedDataPoints = result.RejectedTotal, ErrorMessage = explanation };
        }

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

    private static async Task<byte[]> ReadLimitedAsync(Stream body, bool gzip, long limit, CancellationToken ct)
    {
        var source = gzip ? new GZipStream(body, CompressionMode.Decompress, leaveOpen: true) : body;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new BodyTooLargeException();
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            if (gzip)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class BodyTooLargeException : Exception;
}
