using System.Buffers;
using OpenTelemetry.Metrics;

namespace AzLocalMonitor.Rules.Api;

/// <summary>
/// The OpenTelemetry Prometheus exporter's text (Rules' <c>azlm_*</c> self-metrics), appended to <c>GET /metrics</c>
/// so one scrape still gets everything, as before. The exporter runs as its standard middleware on a branch of the
/// app that no route reaches; each scrape invokes it with an in-memory response and copies the body.
/// </summary>
public sealed class SelfMetricsExposition(RequestDelegate exporter)
{
    /// <summary>Builds the branch: the exporter's scraping middleware answering every request given to it.</summary>
    public static SelfMetricsExposition Create(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var branch = app.New();
        branch.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: _ => true, path: null, configureBranchedPipeline: null, optionsName: null);
        return new SelfMetricsExposition(branch.Build());
    }

    /// <summary>Writes the self-metrics in the Prometheus text format 0.0.4 (what the exporter writes without an Accept header).</summary>
    public async Task WriteToAsync(IBufferWriter<byte> output, HttpContext request)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request);
        var context = new DefaultHttpContext { RequestServices = request.RequestServices };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/metrics";
        using var body = new MemoryStream();
        context.Response.Body = body;
        await exporter(context).ConfigureAwait(false);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The OpenTelemetry Prometheus exporter answered {context.Response.StatusCode}.");
        }

        // The exporter writes an unlabelled sample as "name{} 1"; valid, but "name 1" is what scrapers and greps saw
        // before. Label values here are fixed words, so "{} " cannot occur inside one.
        var rest = body.GetBuffer().AsSpan(0, (int)body.Length);
        while (true)
        {
            var at = rest.IndexOf("{} "u8);
            if (at < 0)
            {
                output.Write(rest);
                return;
            }

            output.Write(rest[..at]);
            rest = rest[(at + 2)..]; // keeps the space
        }
    }
}
